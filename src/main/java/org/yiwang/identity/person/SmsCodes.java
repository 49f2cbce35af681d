package org.yiwang.identity.person;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.identity.IdentityError;
import org.yiwang.identity.SmsSender;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.Masking;

/**
 * SMS one-time codes: 6 digits, valid 5 minutes, single use, at most 5 wrong entries, at most one per minute per
 * mobile number and 10 per hour per client address (against SMS bombing). Only the newest code of a number and
 * purpose counts. The code is kept as a keyed hash.
 */
@Component
class SmsCodes {

    enum Purpose {
        REGISTER("注册"),
        LOGIN("登录"),
        /** 找回密码; asked for only through the reset form, which needs the ID number too. */
        RESET("找回密码");

        final String label;

        Purpose(String label) {
            this.label = label;
        }
    }

    static final Duration VALIDITY = Duration.ofMinutes(5);
    static final Duration INTERVAL = Duration.ofMinutes(1);
    static final int MAX_ATTEMPTS = 5;
    static final int PER_ADDRESS_PER_HOUR = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Issued(long id, byte[] hash, Instant expiresAt, int attempts, boolean used) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;
    private final SmsSender sender;

    SmsCodes(JdbcClient jdbc, PersonalDataProtection protection, SmsSender sender) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.sender = sender;
    }

    /**
     * Issues a code. With {@code deliver} false it is recorded but not sent: a login code for a number without an
     * account behaves like any other (same answer, same rate limit) and can never be used.
     */
    @Transactional
    void issue(String mobile, Purpose purpose, boolean deliver, String clientAddress) {
        if (!sender.available()) {
            throw new BusinessException(IdentityError.IDENTITY_SMS_UNAVAILABLE, Masking.mobile(mobile));
        }
        Instant now = Instant.now();
        long fromAddress = jdbc.sql("SELECT count(*) FROM sms_code WHERE requested_from = ? AND created_at > ?")
                .params(clientAddress, Timestamp.from(now.minus(Duration.ofHours(1)))).query(Long.class).single();
        if (fromAddress >= PER_ADDRESS_PER_HOUR) {
            throw new BusinessException(IdentityError.IDENTITY_SMS_ADDRESS_LIMIT);
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(mobile).query().singleRow();
        jdbc.sql("SELECT max(created_at) FROM sms_code WHERE mobile = ?").param(mobile).query(Timestamp.class)
                .optional().map(Timestamp::toInstant).filter(last -> last.plus(INTERVAL).isAfter(now))
                .ifPresent(last -> {
                    throw new BusinessException(IdentityError.IDENTITY_SMS_TOO_FREQUENT,
                            Math.max(1, Duration.between(now, last.plus(INTERVAL)).toSeconds()));
                });
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        jdbc.sql("INSERT INTO sms_code (mobile, purpose, code_hash, created_at, expires_at, requested_from) "
                + "VALUES (?, ?, ?, ?, ?, ?)").params(mobile, purpose.name(), hash(mobile, code), Timestamp.from(now),
                        Timestamp.from(now.plus(VALIDITY)), clientAddress).update();
        if (deliver) {
            sender.send(mobile, "【一网通办】您的%s验证码为 %s，%d分钟内有效。如非本人操作，请忽略本短信。"
                    .formatted(purpose.label, code, VALIDITY.toMinutes()));
        }
    }

    /** Checks the code without using it up; a wrong code counts as an attempt. Returns the code's id. */
    long check(String mobile, Purpose purpose, String code) {
        Issued issued = jdbc.sql("""
                SELECT id, code_hash, expires_at, attempts, used_at IS NOT NULL AS used FROM sms_code
                WHERE mobile = ? AND purpose = ? ORDER BY created_at DESC, id DESC LIMIT 1""")
                .params(mobile, purpose.name())
                .query((rs, n) -> new Issued(rs.getLong("id"), rs.getBytes("code_hash"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getInt("attempts"), rs.getBoolean("used")))
                .optional().orElseThrow(() -> new BusinessException(IdentityError.IDENTITY_SMS_CODE_EXPIRED));
        if (issued.used() || issued.expiresAt().isBefore(Instant.now())) {
            throw new BusinessException(IdentityError.IDENTITY_SMS_CODE_EXPIRED);
        }
        if (issued.attempts() >= MAX_ATTEMPTS) {
            throw new BusinessException(IdentityError.IDENTITY_SMS_CODE_EXHAUSTED);
        }
        if (!code.matches("\\d{6}") || !MessageDigest.isEqual(issued.hash(), hash(mobile, code))) {
            countAttempt(issued.id());
            throw new BusinessException(IdentityError.IDENTITY_SMS_CODE_WRONG);
        }
        return issued.id();
    }

    /** A correct code whose use was refused for another reason (e.g. a name not matching) still costs an attempt. */
    void countAttempt(long id) {
        jdbc.sql("UPDATE sms_code SET attempts = attempts + 1 WHERE id = ?").param(id).update();
    }

    /** Uses the code up; refuses if someone else used it in the meantime. */
    void consume(long id) {
        int updated = jdbc.sql("UPDATE sms_code SET used_at = ? WHERE id = ? AND used_at IS NULL")
                .params(Timestamp.from(Instant.now()), id).update();
        if (updated == 0) {
            throw new BusinessException(IdentityError.IDENTITY_SMS_CODE_EXPIRED);
        }
    }

    private byte[] hash(String mobile, String code) {
        return protection.hash("sms:" + mobile + ":" + code);
    }
}
