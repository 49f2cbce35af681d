package org.yiwang.identity.person;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yiwang.identity.AssuranceLevel;
import org.yiwang.shared.IdNumber;

/**
 * With {@code yiwang.demo.enabled}: fills the demo population base from {@code classpath:identity/demo-population.csv}
 * and registers the demo citizens listed there with a mobile and password. Idempotent.
 */
@Component
@ConditionalOnBooleanProperty("yiwang.demo.enabled")
class DemoCitizens implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCitizens.class);

    private final JdbcPopulationRegistry population;
    private final PersonAccounts accounts;

    DemoCitizens(JdbcPopulationRegistry population, PersonAccounts accounts) {
        this.population = population;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        String csv;
        try {
            csv = new ClassPathResource("identity/demo-population.csv").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int registered = 0;
        for (String line : csv.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String[] f = line.split(",");
            IdNumber idNumber = IdNumber.of(f[0]);
            population.add(idNumber, f[1]);
            if (f.length == 4 && !accounts.idNumberRegistered(idNumber) && !accounts.mobileRegistered(f[2])) {
                accounts.create(f[1], idNumber, f[2], f[3], AssuranceLevel.POPULATION_CONFIRMED);
                registered++;
            }
        }
        log.info("Demo population loaded; {} demo citizens registered", registered);
    }
}
