package org.yiwang.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;
import org.yiwang.shared.CreditCode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class DemoDepartmentLoaderTest {

    @Autowired
    DemoDepartmentLoader loader;
    @Autowired
    Departments departments;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void loadsEveryDemoDepartmentOnceAndAgainChangesNothing() throws Exception {
        List<String> codes = json.readTree(new ClassPathResource(DemoDepartmentLoader.RESOURCE).getInputStream())
                .valueStream().map(d -> d.get("creditCode").asString()).toList();
        assertThat(codes).isNotEmpty();
        codes.forEach(c -> assertThat(departments.find(CreditCode.of(c))).as(c).isPresent());

        String before = fingerprint();
        loader.run(new DefaultApplicationArguments());
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void demoDepartmentsLieInTheRegionTree() {
        assertThat(departments.all()).extracting(d -> d.regionCode().value())
                .contains("11", "44", "4403", "440304", "440304008");
        assertThat(departments.find(CreditCode.of("11100000000013338W"))).get()
                .extracting(Department::shortName).isEqualTo("公安部");
    }

    private String fingerprint() {
        return jdbc.sql("select count(*) || ':' || max(updated_at)::text from department").query(String.class).single();
    }
}
