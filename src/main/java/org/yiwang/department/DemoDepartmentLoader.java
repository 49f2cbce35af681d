package org.yiwang.department;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads the demo departments from {@code classpath:demo/departments.json} when {@code yiwang.demo.enabled} is set.
 * Only departments not yet in the database are inserted, so restarts and instances starting together are safe.
 * Runs before the demo service items, which refer to these departments.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("yiwang.demo.enabled")
class DemoDepartmentLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDepartmentLoader.class);
    static final String RESOURCE = "demo/departments.json";

    private final DepartmentAdministration administration;
    private final JdbcDepartments departments;
    private final ObjectMapper json;

    DemoDepartmentLoader(DepartmentAdministration administration, JdbcDepartments departments, ObjectMapper json) {
        this.administration = administration;
        this.departments = departments;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        ClassPathResource resource = new ClassPathResource(RESOURCE);
        if (!resource.exists()) {
            log.warn("Demo enabled but {} is missing: no demo departments loaded", RESOURCE);
            return;
        }
        List<DepartmentForm> forms;
        try (InputStream in = resource.getInputStream()) {
            forms = json.readValue(in, new TypeReference<List<DepartmentForm>>() {
            });
        }
        // Validate everything first: a bad entry in the demo data stops the start and inserts nothing.
        List<Department> all = forms.stream().map(administration::validate).toList();
        long inserted = all.stream().filter(departments::insertIfMissing).count();
        log.info("Demo departments: {} in {}, {} inserted", all.size(), RESOURCE, inserted);
    }
}
