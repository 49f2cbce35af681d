package org.yiwang.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts a real PostgreSQL from the zonky binaries when no database URL is configured, so the platform and
 * its tests run on a machine with no installed database. With {@code yiwang.db.embedded.data-dir} set the
 * data directory persists (demo runs); without it every start gets a fresh cluster (tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Environment env) throws IOException {
        // Stopped by the context (destroyMethod) after every bean that still needs the database on close (the process
        // engine does), not by a JVM shutdown hook of its own racing the context's.
        var builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8");
        String dataDir = env.getProperty("yiwang.db.embedded.data-dir", "");
        if (!dataDir.isBlank()) {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        int port = env.getProperty("yiwang.db.embedded.port", Integer.class, 0);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL started on port {}{}", pg.getPort(),
                dataDir.isBlank() ? " (fresh, discarded on exit)" : " with data in " + dataDir);
        return pg;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg) {
        var ds = new com.zaxxer.hikari.HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(20);
        return ds;
    }
}
