package org.yiwang.region;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yiwang.shared.DivisionLevel;

/**
 * Fills the {@code region} table from the division files under {@code classpath:region/divisions/} with PostgreSQL
 * COPY. As a Flyway migration it runs once per database, and Flyway's lock serialises instances starting together;
 * a table someone already filled is left alone. Which entries are statistical only is explained in the README there.
 */
@Component
class RegionDivisionsMigration implements JavaMigration {

    /** One file; the parent code, when there is one, is its third column. */
    private record DivisionFile(String name, DivisionLevel level, String columns, String statisticalOnly) {
    }

    private static final List<DivisionFile> FILES = List.of(
            new DivisionFile("provinces.csv", DivisionLevel.PROVINCE, "code, name", "false"),
            new DivisionFile("cities.csv", DivisionLevel.CITY, "code, name, parent_code", "false"),
            new DivisionFile("areas.csv", DivisionLevel.COUNTY, "code, name, parent_code, extra1",
                    "substr(code, 5, 2) between '71' and '80'"),
            new DivisionFile("streets.csv", DivisionLevel.TOWNSHIP, "code, name, parent_code, extra1, extra2",
                    "substr(code, 7, 3) between '400' and '599'"));

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2.3");
    }

    @Override
    public String getDescription() {
        return "region divisions";
    }

    @Override
    public @Nullable Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("select exists (select 1 from region)")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return;
                }
            }
            st.execute("create temp table division_staging (code text, name text, parent_code text, extra1 text,"
                    + " extra2 text) on commit drop");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (DivisionFile file : FILES) {
                try (InputStream in = new ClassPathResource("region/divisions/" + file.name()).getInputStream()) {
                    copy.copyIn("copy division_staging (" + file.columns() + ") from stdin (format csv, header true)",
                            in);
                }
                st.execute("insert into region (code, name, parent_code, level, statistical_only) select code, name,"
                        + " parent_code, '" + file.level().name() + "', " + file.statisticalOnly()
                        + " from division_staging");
                st.execute("truncate division_staging");
            }
        }
    }
}
