package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class DemoItemsTest {

    @Autowired
    PublishedItems published;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDemoItemIsPublishedBySystem() throws Exception {
        List<ItemContent> demo = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:demo/items/*.json")) {
            try (InputStream in = file.getInputStream()) {
                demo.addAll(json.readValue(in, new TypeReference<List<ItemContent>>() {
                }));
            }
        }
        assertThat(demo).isNotEmpty();
        assertThat(demo).allSatisfy(content -> {
            assertThat(published.find(content.implementationCode())).as(content.implementationCode())
                    .hasValueSatisfying(p -> {
                        assertThat(p.version()).isEqualTo(1);
                        assertThat(p.content()).isEqualTo(content);
                    });
            assertThat(jdbc.sql("select distinct actor from catalog_item_change where code = ?")
                    .param(content.implementationCode()).query(String.class).list()).containsExactly("system");
        });
        assertThat(published.count()).isGreaterThanOrEqualTo(demo.size());
    }
}
