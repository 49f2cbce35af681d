package org.yiwang.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.RuleViolations;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo node: creates and publishes every item of the files {@code yiwang.demo.items} names (default
 * {@code classpath*:demo/items/*.json}) that does not exist yet, as the platform itself. The rules apply as to any item (a refused one is logged and skipped). Runs after the demo
 * departments are loaded.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("yiwang.demo.enabled")
class DemoItems implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoItems.class);

    private final ItemAdministration items;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final List<String> locations;

    DemoItems(ItemAdministration items, JsonMapper json, TransactionTemplate tx,
            @Value("${yiwang.demo.items:classpath*:demo/items/*.json}") List<String> locations) {
        this.items = items;
        this.json = json;
        this.tx = tx;
        this.locations = locations;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        int created = 0;
        var resolver = new PathMatchingResourcePatternResolver();
        for (Resource file : locations.stream().flatMap(l -> resources(resolver, l)).toList()) {
            List<ItemContent> contents;
            try (InputStream in = file.getInputStream()) {
                contents = json.readValue(in, new TypeReference<List<ItemContent>>() {
                });
            }
            for (ItemContent content : contents) {
                try {
                    if (Boolean.TRUE.equals(tx.execute(s -> load(content)))) {
                        created++;
                    }
                } catch (BusinessException e) {
                    log.error("Demo item {} from {} refused: {}", content.implementationCode(), file.getFilename(),
                            e instanceof RuleViolations v ? v.violations() : e.getMessage());
                }
            }
        }
        log.info("Demo catalogue: {} items created and published", created);
    }

    private static java.util.stream.Stream<Resource> resources(PathMatchingResourcePatternResolver resolver,
            String location) {
        try {
            return java.util.Arrays.stream(resolver.getResources(location));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private boolean load(ItemContent content) {
        if (items.exists(content.implementationCode())) {
            return false;
        }
        items.create(content, Actor.SYSTEM);
        items.publish(content.implementationCode(), Actor.SYSTEM);
        return true;
    }
}
