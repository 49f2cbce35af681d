package org.yiwang.identity.person;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.identity.IdentityError;
import org.yiwang.shared.BusinessException;

/**
 * Brute-force protection (see the package documentation): failures per login subject with locks that double up to
 * a ceiling, and a limit of failures per client address. Staff logins use it too, with their own subjects.
 */
@Component
public class LoginGuard {

    static final int FAILURES_BEFORE_LOCK = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_LOCK = Duration.ofMinutes(15);
    static final Duration LONGEST_LOCK = Duration.ofHours(4);
    static final int ADDRESS_FAILURES = 20;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(10);

    private final JdbcClient jdbc;

    LoginGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses a client address that failed too often recently. */
    public void checkAddress(String address) {
        long failures = jdbc.sql("SELECT count(*) FROM login_address_failure WHERE address = ? AND at > ?")
                .params(address, Timestamp.from(Instant.now().minus(ADDRESS_WINDOW))).query(Long.class).single();
        if (failures >= ADDRESS_FAILURES) {
            throw new BusinessException(IdentityError.IDENTITY_ADDRESS_BLOCKED);
        }
    }

    /** Until when the subject is locked, if it is. */
    public Optional<Instant> lockedUntil(String subject) {
        return jdbc.sql("SELECT locked_until FROM login_guard WHERE subject = ?").param(subject)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).filter(Instant.now()::isBefore);
    }

    /** Counts a failure of the subject from the address; locks the subject at the fifth failure in the window. */
    @Transactional
    public void failed(String subject, String address) {
        Instant now = Instant.now();
        countAddressFailure(address, now);
        jdbc.sql("""
                INSERT INTO login_guard (subject, failures, window_start, locks) VALUES (?, 0, ?, 0)
                ON CONFLICT (subject) DO NOTHING""").params(subject, Timestamp.from(now)).update();
        var row = jdbc.sql("SELECT failures, window_start, locks FROM login_guard WHERE subject = ? FOR UPDATE")
                .param(subject).query((rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2), rs.getInt(3)})
                .single();
        int failures = (int) row[0];
        Timestamp windowStart = (Timestamp) row[1];
        int locks = (int) row[2];
        if (windowStart == null || windowStart.toInstant().plus(FAILURE_WINDOW).isBefore(now)) {
            failures = 0;
            windowStart = Timestamp.from(now);
        }
        failures++;
        if (failures >= FAILURES_BEFORE_LOCK) {
            Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(locks, 10));
            Instant until = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
            jdbc.sql("UPDATE login_guard SET failures = 0, window_start = NULL, locked_until = ?, locks = ? "
                    + "WHERE subject = ?").params(Timestamp.from(until), locks + 1, subject).update();
        } else {
            jdbc.sql("UPDATE login_guard SET failures = ?, window_start = ? WHERE subject = ?")
                    .params(failures, windowStart, subject).update();
        }
    }

    /** An attempt refused before its credentials were looked at still counts against the address. */
    public void refused(String address) {
        countAddressFailure(address, Instant.now());
    }

    public void succeeded(String subject) {
        jdbc.sql("DELETE FROM login_guard WHERE subject = ?").param(subject).update();
    }

    private void countAddressFailure(String address, Instant now) {
        jdbc.sql("DELETE FROM login_address_failure WHERE address = ? AND at < ?")
                .params(address, Timestamp.from(now.minus(ADDRESS_WINDOW))).update();
        jdbc.sql("INSERT INTO login_address_failure (address, at) VALUES (?, ?)")
                .params(address, Timestamp.from(now)).update();
    }
}
