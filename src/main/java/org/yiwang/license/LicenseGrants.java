package org.yiwang.license;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.calendar.WorkingDayCalendar;
import org.yiwang.identity.Applicant;
import org.yiwang.shared.BusinessException;

/**
 * 证照授权使用: the holder lends one valid licence to a third party for a purpose until a day; the third party gets a
 * code (shown once, kept only as a hash) and with it a copy watermarked with purpose and expiry. Every use is
 * recorded; the holder sees the uses and may revoke the grant at any time.
 */
@Service
class LicenseGrants {

    record NewGrant(@Nullable String purpose, @Nullable String grantee, @Nullable LocalDate expiresOn) {
    }

    record Grant(long id, String licenseIdentifier, String purpose, String grantee, LocalDate expiresOn,
            Instant createdAt, @Nullable Instant revokedAt, List<Use> uses) {

        public String state(Instant now) {
            return revokedAt != null ? "已撤回" : now.isAfter(end(expiresOn)) ? "已过期" : "有效";
        }
    }

    record Use(Instant at, @Nullable String userAgent) {
    }

    /** The code is returned once, when the grant is made. */
    record Granted(Grant grant, String code) {
    }

    record Copy(String identifier, byte[] file) {
    }

    private record GrantRow(long id, long licenseId, String purpose, String grantee, Instant expiresAt,
            @Nullable Instant revokedAt) {
    }

    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final LicenseWallet wallet;
    private final LicenseStore store;
    private final LicenseIssuance issuance;
    private final LicenseProperties properties;
    private final TransactionTemplate transactions;

    LicenseGrants(JdbcClient jdbc, LicenseWallet wallet, LicenseStore store, LicenseIssuance issuance,
            LicenseProperties properties, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.wallet = wallet;
        this.store = store;
        this.issuance = issuance;
        this.properties = properties;
    }

    @Transactional
    public Granted grant(Applicant applicant, String identifier, NewGrant request) {
        IssuedLicense licence = wallet.find(applicant, identifier);
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
        if (licence.status(today) != LicenseStatus.VALID) {
            throw new BusinessException(LicenseError.LICENSE_NOT_VALID, licence.status(today).label(), "授权使用");
        }
        String purpose = text(request.purpose(), "请填写用途（200字以内）");
        String grantee = text(request.grantee(), "请填写使用方（200字以内）");
        LocalDate last = today.plusDays(properties.maxGrant().toDays());
        if (request.expiresOn() == null || request.expiresOn().isBefore(today) || request.expiresOn().isAfter(last)) {
            throw new BusinessException(LicenseError.LICENSE_GRANT_INVALID, "有效期应在今天至" + last + "之间");
        }
        String code = code();
        Instant now = Instant.now();
        long id = jdbc.sql("""
                INSERT INTO license_grant (code_hash, license_id, purpose, grantee, expires_at, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(hash(code), licence.id(), purpose, grantee, Timestamp.from(end(request.expiresOn())),
                        Timestamp.from(now), applicant.person().accountId().value())
                .query(Long.class).single();
        return new Granted(new Grant(id, licence.identifier().value(), purpose, grantee, request.expiresOn(), now,
                null, List.of()), code);
    }

    @Transactional(readOnly = true)
    public List<Grant> list(Applicant applicant, String identifier) {
        IssuedLicense licence = wallet.find(applicant, identifier);
        return jdbc.sql("SELECT id, purpose, grantee, expires_at, created_at, revoked_at FROM license_grant "
                + "WHERE license_id = ? ORDER BY created_at DESC").param(licence.id())
                .query((rs, row) -> {
                    Timestamp revoked = rs.getTimestamp("revoked_at");
                    long id = rs.getLong("id");
                    return new Grant(id, licence.identifier().value(), rs.getString("purpose"),
                            rs.getString("grantee"), rs.getTimestamp("expires_at").toInstant()
                                    .atZone(WorkingDayCalendar.ZONE).toLocalDate(),
                            rs.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant(),
                            uses(id));
                }).list();
    }

    /** 撤回授权: only grants of the applicant's own licences; anyone else's answers as not found. */
    @Transactional
    public void revoke(Applicant applicant, String identifier, long grantId) {
        IssuedLicense licence = wallet.find(applicant, identifier);
        int changed = jdbc.sql("UPDATE license_grant SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? "
                + "AND license_id = ?").params(Timestamp.from(Instant.now()), grantId, licence.id()).update();
        if (changed == 0) {
            throw new BusinessException(LicenseError.LICENSE_GRANT_NOT_FOUND);
        }
    }

    /**
     * 使用授权码: a watermarked copy, refused with the precise reason when the code is revoked or expired. The copy is
     * rendered and sealed once per grant, at its first use and outside any transaction; each use then records itself
     * under a short row lock, checking the grant again.
     */
    public Copy use(@Nullable String code, @Nullable String userAgent, @Nullable String address) {
        String normalised = code == null ? "" : code.strip().toUpperCase().replace("-", "").replace(" ", "");
        String hash = hash(normalised);
        GrantRow grant = usable(grant(hash, ""));
        IssuedLicense licence = jdbc.sql("SELECT identifier FROM license WHERE id = ?").param(grant.licenseId())
                .query(String.class).optional().flatMap(i -> store.find(LicenseId.parse(i))).orElseThrow();
        LicenseStatus status = licence.status(LocalDate.now(WorkingDayCalendar.ZONE));
        if (status != LicenseStatus.VALID) {
            throw new BusinessException(LicenseError.LICENSE_NOT_VALID, status.label(), "授权使用");
        }
        byte[] copy = jdbc.sql("SELECT copy FROM license_grant WHERE id = ?").param(grant.id()).query(byte[].class)
                .optional().orElse(null);
        byte[] made = copy != null ? null : issuance.watermarkedCopy(licence, new LicenseDocuments.Watermark(
                grant.purpose(), grant.grantee(), grant.expiresAt().atZone(WorkingDayCalendar.ZONE).toLocalDate()));
        transactions.executeWithoutResult(tx -> {
            usable(grant(hash, " FOR UPDATE"));
            jdbc.sql("INSERT INTO license_use (grant_id, used_at, user_agent, address) VALUES (?, ?, left(?, 200), ?)")
                    .params(grant.id(), Timestamp.from(Instant.now()), userAgent, address).update();
            if (made != null) {
                jdbc.sql("UPDATE license_grant SET copy = ? WHERE id = ? AND copy IS NULL").params(made, grant.id())
                        .update();
            }
        });
        return new Copy(licence.identifier().value(), copy != null ? copy : made);
    }

    private GrantRow grant(String codeHash, String lock) {
        return jdbc.sql("SELECT id, license_id, purpose, grantee, expires_at, revoked_at FROM license_grant "
                + "WHERE code_hash = ?" + lock).param(codeHash).query((rs, n) -> {
                    Timestamp revoked = rs.getTimestamp(6);
                    return new GrantRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), revoked == null ? null : revoked.toInstant());
                }).optional()
                .orElseThrow(() -> new BusinessException(LicenseError.LICENSE_GRANT_NOT_FOUND));
    }

    /** The grant if it may be used now: refused when revoked or expired. */
    private static GrantRow usable(GrantRow grant) {
        if (grant.revokedAt() != null) {
            throw new BusinessException(LicenseError.LICENSE_GRANT_REVOKED, beijing(grant.revokedAt()));
        }
        if (Instant.now().isAfter(grant.expiresAt())) {
            throw new BusinessException(LicenseError.LICENSE_GRANT_EXPIRED, beijing(grant.expiresAt()));
        }
        return grant;
    }

    private List<Use> uses(long grantId) {
        return jdbc.sql("SELECT used_at, user_agent FROM license_use WHERE grant_id = ? ORDER BY used_at DESC")
                .param(grantId).query((rs, row) -> new Use(rs.getTimestamp(1).toInstant(), rs.getString(2))).list();
    }

    private static String text(@Nullable String value, String problem) {
        String s = value == null ? "" : value.strip();
        if (s.isEmpty() || s.length() > 200) {
            throw new BusinessException(LicenseError.LICENSE_GRANT_INVALID, problem);
        }
        return s;
    }

    /** The end of a day in Beijing time: a grant until a day is valid through it. */
    static Instant end(LocalDate day) {
        return day.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant().minusMillis(1);
    }

    private static String beijing(Instant at) {
        return at.atZone(WorkingDayCalendar.ZONE).toLocalDateTime().withNano(0).toString().replace('T', ' ');
    }

    private static String code() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
