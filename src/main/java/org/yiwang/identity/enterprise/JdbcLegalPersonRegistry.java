package org.yiwang.identity.enterprise;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.identity.LegalPersonRegistry;
import org.yiwang.identity.person.PersonalDataProtection;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.IdNumber;

/** The demo legal-person base: the representative by the keyed hash of the ID number. */
@Component
class JdbcLegalPersonRegistry implements LegalPersonRegistry {

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;

    JdbcLegalPersonRegistry(JdbcClient jdbc, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    @Override
    public boolean confirms(CreditCode creditCode, String name, IdNumber representative) {
        return jdbc.sql("SELECT count(*) FROM legal_person WHERE credit_code = ? AND name = ? AND representative_hash = ?")
                .params(creditCode.value(), name.strip(), protection.hash(representative.value()))
                .query(Integer.class).single() > 0;
    }

    /** Adds an enterprise unless its credit code is already there. */
    void add(CreditCode creditCode, String name, IdNumber representative) {
        jdbc.sql("INSERT INTO legal_person (credit_code, name, representative_hash) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING")
                .params(creditCode.value(), name, protection.hash(representative.value())).update();
    }
}
