package org.yiwang.identity.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.identity.StaffRole;
import org.yiwang.identity.person.PersonPasswords;
import org.yiwang.identity.person.PersonalDataProtection;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * The staff accounts table: accounts, their Argon2id password hashes (the citizens' encoder) and their TOTP secrets,
 * SM4-GCM encrypted with the identity data key. Checks nothing: {@link StaffAdministration} and {@link StaffLogin}
 * decide what may change.
 */
@Component
public class StaffAccounts {

    private static final String COLUMNS = "username, display_name, department_code, region_code, roles, status, "
            + "must_change_password, totp_enrolled, credentials_changed_at, created_at, created_by, updated_at, "
            + "updated_by";

    private final JdbcClient jdbc;
    private final PersonPasswords passwords;
    private final PersonalDataProtection protection;

    StaffAccounts(JdbcClient jdbc, PersonPasswords passwords, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.protection = protection;
    }

    public Optional<StaffAccount> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_account WHERE username = ?").param(username)
                .query(StaffAccounts::account).optional();
    }

    /** All accounts, or those of one department, by department then username. */
    List<StaffAccount> list(@Nullable CreditCode department) {
        return department == null
                ? jdbc.sql("SELECT " + COLUMNS + " FROM staff_account ORDER BY department_code, username")
                        .query(StaffAccounts::account).list()
                : jdbc.sql("SELECT " + COLUMNS + " FROM staff_account WHERE department_code = ? ORDER BY username")
                        .param(department.value()).query(StaffAccounts::account).list();
    }

    /** Active accounts holding {@code role}, by username. */
    List<StaffAccount> activeWithRole(StaffRole role) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_account WHERE status = 'ACTIVE' AND "
                + "(',' || roles || ',') LIKE ? ORDER BY username").param("%," + role.name() + ",%")
                .query(StaffAccounts::account).list();
    }

    boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM staff_account WHERE username = ?").param(username)
                .query(Long.class).single() > 0;
    }

    /** Inserts an account; {@code totpSecret} (Base32) null leaves it to enrol at first login. */
    void insert(String username, String displayName, CreditCode department, DivisionCode region, Set<StaffRole> roles,
            String password, boolean mustChangePassword, @Nullable String totpSecret, String actor) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO staff_account (username, display_name, department_code, region_code, roles, password_hash,
                    must_change_password, totp_secret_enc, totp_enrolled, status, credentials_changed_at, created_at,
                    created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?)""")
                .params(username, displayName, department.value(), region.value(), roleList(roles),
                        passwords.hash(password), mustChangePassword,
                        totpSecret == null ? null : protection.encrypt(totpSecret), totpSecret != null, now, now,
                        actor, now, actor)
                .update();
    }

    /**
     * Creates an account ready to log in with a known password and TOTP secret, unless the username is taken: the
     * demo accounts, and test accounts. Returns whether it was created.
     */
    @Transactional
    public boolean seed(String username, String displayName, CreditCode department, DivisionCode region,
            Set<StaffRole> roles, String password, String totpSecret, String actor) {
        if (exists(username)) {
            return false;
        }
        insert(username, displayName, department, region, roles, password, false, totpSecret, actor);
        return true;
    }

    void updateProfile(String username, String displayName, Set<StaffRole> roles, String actor) {
        jdbc.sql("UPDATE staff_account SET display_name = ?, roles = ?, updated_at = ?, updated_by = ? "
                + "WHERE username = ?").params(displayName, roleList(roles), Timestamp.from(Instant.now()), actor,
                        username).update();
    }

    void updateStatus(String username, StaffStatus status, String actor) {
        jdbc.sql("UPDATE staff_account SET status = ?, updated_at = ?, updated_by = ? WHERE username = ?")
                .params(status.name(), Timestamp.from(Instant.now()), actor, username).update();
    }

    String passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM staff_account WHERE username = ?").param(username)
                .query(String.class).single();
    }

    void updatePassword(String username, String password, boolean mustChange, String actor) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("UPDATE staff_account SET password_hash = ?, must_change_password = ?, credentials_changed_at = ?, "
                + "updated_at = ?, updated_by = ? WHERE username = ?")
                .params(passwords.hash(password), mustChange, now, now, actor, username).update();
    }

    /** Forgets the TOTP secret: the next login enrols a new one. */
    void resetTotp(String username, String actor) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("UPDATE staff_account SET totp_secret_enc = NULL, totp_enrolled = FALSE, totp_last_step = NULL, "
                + "credentials_changed_at = ?, updated_at = ?, updated_by = ? WHERE username = ?")
                .params(now, now, actor, username).update();
    }

    /** The secret (Base32), enrolled or waiting for its first code. */
    Optional<String> totpSecret(String username) {
        return jdbc.sql("SELECT totp_secret_enc FROM staff_account WHERE username = ? AND totp_secret_enc IS NOT NULL")
                .param(username).query((rs, n) -> rs.getBytes(1)).optional().map(protection::decrypt);
    }

    /** The secret waiting for its first code, created if there is none; empty once a secret is enrolled. */
    @Transactional
    Optional<String> pendingTotpSecret(String username) {
        var row = jdbc.sql("SELECT totp_secret_enc, totp_enrolled FROM staff_account WHERE username = ? FOR UPDATE")
                .param(username).query((rs, n) -> new Object[] {rs.getBytes(1), rs.getBoolean(2)}).single();
        if ((boolean) row[1]) {
            return Optional.empty();
        }
        if (row[0] != null) {
            return Optional.of(protection.decrypt((byte[]) row[0]));
        }
        String secret = Totp.newSecret();
        jdbc.sql("UPDATE staff_account SET totp_secret_enc = ? WHERE username = ?")
                .params(protection.encrypt(secret), username).update();
        return Optional.of(secret);
    }

    /** Marks the pending secret enrolled, its first code's step used. */
    void confirmTotp(String username, long step) {
        jdbc.sql("UPDATE staff_account SET totp_enrolled = TRUE, totp_last_step = ?, updated_at = ?, updated_by = ? "
                + "WHERE username = ? AND totp_secret_enc IS NOT NULL")
                .params(step, Timestamp.from(Instant.now()), username, username).update();
    }

    /** Records the step of an accepted code; false if that step or a later one was used already (a replay). */
    boolean useStep(String username, long step) {
        return jdbc.sql("UPDATE staff_account SET totp_last_step = ? WHERE username = ? "
                + "AND (totp_last_step IS NULL OR totp_last_step < ?)").params(step, username, step).update() == 1;
    }

    static String roleList(Set<StaffRole> roles) {
        return roles.stream().sorted().map(StaffRole::name).collect(Collectors.joining(","));
    }

    static Set<StaffRole> roles(String list) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(StaffRole::valueOf)
                .forEach(roles::add);
        return roles;
    }

    private static StaffAccount account(ResultSet rs, int n) throws SQLException {
        return new StaffAccount(rs.getString("username"), rs.getString("display_name"),
                CreditCode.of(rs.getString("department_code")), DivisionCode.of(rs.getString("region_code")),
                roles(rs.getString("roles")), StaffStatus.valueOf(rs.getString("status")),
                rs.getBoolean("must_change_password"), rs.getBoolean("totp_enrolled"),
                rs.getTimestamp("credentials_changed_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
