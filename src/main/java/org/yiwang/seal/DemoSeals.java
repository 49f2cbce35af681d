package org.yiwang.seal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yiwang.catalog.PublishedItems;
import org.yiwang.department.Departments;
import org.yiwang.shared.CreditCode;

/**
 * Demo node: every department with published service items gets a signing certificate from the platform CA, an
 * official seal (公章) and a licence seal (电子证照专用章) with a generated picture. Departments that have them are left
 * alone, so restarts add nothing. Runs after the demo items are loaded.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("yiwang.demo.enabled")
class DemoSeals implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeals.class);

    private final PublishedItems items;
    private final Departments departments;
    private final SealProvisioning provisioning;

    DemoSeals(PublishedItems items, Departments departments, SealProvisioning provisioning) {
        this.items = items;
        this.departments = departments;
        this.provisioning = provisioning;
    }

    @Override
    public void run(ApplicationArguments args) {
        Set<String> codes = new TreeSet<>();
        items.forEach(item -> codes.add(item.content().departmentCode()));
        int made = 0;
        for (String code : codes) {
            var department = departments.find(CreditCode.of(code));
            if (department.isPresent()) {
                made += provisioning.provide(department.get(), List.of(SealType.OFFICIAL, SealType.LICENCE));
            }
        }
        if (made > 0) {
            log.info("Demo seals: {} seals made for {} departments with service items", made, codes.size());
        }
    }
}
