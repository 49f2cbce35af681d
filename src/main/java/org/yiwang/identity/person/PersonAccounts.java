package org.yiwang.identity.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.identity.AccountId;
import org.yiwang.identity.AssuranceLevel;
import org.yiwang.identity.IdentityError;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.IdNumber;

/** Natural-person accounts in {@code person_account}; the ID number is encrypted and found by its keyed hash. */
@Component
class PersonAccounts {

    static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;
    private final PersonPasswords passwords;

    PersonAccounts(JdbcClient jdbc, PersonalDataProtection protection, PersonPasswords passwords) {
        this.jdbc = jdbc;
        this.protection = protection;
        this.passwords = passwords;
    }

    PersonAccount create(String name, IdNumber idNumber, String mobile, String password, AssuranceLevel level) {
        AccountId id = AccountId.random();
        Timestamp now = Timestamp.from(Instant.now());
        try {
            jdbc.sql("""
                    INSERT INTO person_account (account_id, name, id_number_enc, id_number_hash, mobile, password_hash,
                        assurance_level, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id.value(), name, protection.encrypt(idNumber.value()), protection.hash(idNumber.value()),
                            mobile, passwords.hash(password), level.rank(), AccountStatus.ACTIVE.name(), now, now)
                    .update();
        } catch (DuplicateKeyException e) {
            // A concurrent registration won; the transaction cannot be queried any more, the constraint tells which.
            throw new BusinessException(String.valueOf(e.getMessage()).contains("id_number_hash")
                    ? IdentityError.IDENTITY_ALREADY_REGISTERED : IdentityError.IDENTITY_MOBILE_TAKEN);
        }
        return find(id).orElseThrow();
    }

    void changePassword(AccountId id, String password) {
        jdbc.sql("UPDATE person_account SET password_hash = ?, updated_at = ? WHERE account_id = ?")
                .params(passwords.hash(password), Timestamp.from(Instant.now()), id.value()).update();
    }

    Optional<PersonAccount> find(AccountId id) {
        return jdbc.sql("SELECT * FROM person_account WHERE account_id = ?").param(id.value()).query(this::map)
                .optional();
    }

    Optional<PersonAccount> findByIdNumber(IdNumber idNumber) {
        return jdbc.sql("SELECT * FROM person_account WHERE id_number_hash = ?")
                .param(protection.hash(idNumber.value())).query(this::map).optional();
    }

    Optional<PersonAccount> findByMobile(String mobile) {
        return jdbc.sql("SELECT * FROM person_account WHERE mobile = ?").param(mobile).query(this::map).optional();
    }

    /** By ID number or mobile number, whichever the login name is. */
    Optional<PersonAccount> findByLoginName(String loginName) {
        String name = loginName.strip().toUpperCase(java.util.Locale.ROOT);
        if (IdNumber.isValid(name)) {
            return findByIdNumber(IdNumber.of(name));
        }
        return MOBILE.matcher(name).matches() ? findByMobile(name) : Optional.empty();
    }

    boolean idNumberRegistered(IdNumber idNumber) {
        return jdbc.sql("SELECT count(*) FROM person_account WHERE id_number_hash = ?")
                .param(protection.hash(idNumber.value())).query(Long.class).single() > 0;
    }

    boolean mobileRegistered(String mobile) {
        return jdbc.sql("SELECT count(*) FROM person_account WHERE mobile = ?").param(mobile).query(Long.class)
                .single() > 0;
    }

    private PersonAccount map(ResultSet rs, int row) throws SQLException {
        return new PersonAccount(new AccountId(rs.getString("account_id")), rs.getString("name"),
                IdNumber.of(protection.decrypt(rs.getBytes("id_number_enc"))), rs.getString("mobile"),
                rs.getString("password_hash"), AssuranceLevel.ofRank(rs.getInt("assurance_level")),
                AccountStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
    }
}
