package org.yiwang.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counters that hand out numbers (case numbers, licence serial numbers) on two connections of their own, each
 * statement committed at once. Inside the caller's transaction the counter row would stay locked until that
 * transaction commits, and every caller drawing from the same counter would wait for the one before it (rendering
 * and sealing a licence, or submitting a case, takes tens of milliseconds). A caller that fails after drawing leaves a
 * gap, never a duplicate; an atomic {@code INSERT … ON CONFLICT … DO UPDATE … RETURNING} keeps instances running side
 * by side from handing out the same number.
 */
@Component
public class Counters implements DisposableBean {

    private final HikariDataSource connections;
    private final JdbcClient jdbc;

    /**
     * Opens its connections as the application's Hikari pool does; any other data source lends it two of its
     * connections, which it keeps.
     */
    Counters(DataSource dataSource) throws SQLException {
        HikariConfig config = new HikariConfig();
        boolean hikari = dataSource.isWrapperFor(HikariDataSource.class);
        if (hikari) {
            dataSource.unwrap(HikariDataSource.class).copyStateTo(config);
        } else {
            config.setDataSource(dataSource);
        }
        config.setPoolName("counters");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(hikari ? 1 : 2);
        config.setAutoCommit(true);
        this.connections = new HikariDataSource(config);
        this.jdbc = JdbcClient.create(connections);
    }

    /** Runs an upsert that returns the counter's new value, committed at once. */
    public int next(String upsertReturningValue, Object... params) {
        return jdbc.sql(upsertReturningValue).params(params).query(Integer.class).single();
    }

    @Override
    public void destroy() {
        connections.close();
    }
}
