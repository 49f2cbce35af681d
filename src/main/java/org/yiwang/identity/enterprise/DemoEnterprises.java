package org.yiwang.identity.enterprise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.IdNumber;

/** With {@code yiwang.demo.enabled}: fills the demo legal-person base from {@code identity/demo-legal-persons.csv}. */
@Component
@ConditionalOnBooleanProperty("yiwang.demo.enabled")
class DemoEnterprises implements ApplicationRunner {

    private final JdbcLegalPersonRegistry registry;

    DemoEnterprises(JdbcLegalPersonRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        String csv;
        try {
            csv = new ClassPathResource("identity/demo-legal-persons.csv").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        csv.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split(","))
                .forEach(f -> registry.add(CreditCode.of(f[0]), f[1], IdNumber.of(f[2])));
    }
}
