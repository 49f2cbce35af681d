package org.yiwang.identity.person;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.identity.PopulationRegistry;
import org.yiwang.shared.IdNumber;

/** The demo population base: names by the keyed hash of the ID number, as the national exchange joins them. */
@Component
class JdbcPopulationRegistry implements PopulationRegistry {

    private final JdbcClient jdbc;
    private final PersonalDataProtection protection;

    JdbcPopulationRegistry(JdbcClient jdbc, PersonalDataProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    @Override
    public boolean confirms(IdNumber idNumber, String name) {
        return jdbc.sql("SELECT name FROM population_person WHERE id_number_hash = ?")
                .param(protection.hash(idNumber.value())).query(String.class).optional()
                .filter(n -> n.equals(name.strip())).isPresent();
    }

    /** Adds a person unless the ID number is already there. */
    void add(IdNumber idNumber, String name) {
        jdbc.sql("INSERT INTO population_person (id_number_hash, name) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(protection.hash(idNumber.value()), name).update();
    }
}
