package org.yiwang.region;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.shared.DivisionCode;
import org.yiwang.shared.DivisionLevel;

/** The region tree in the {@code region} table. */
@Component
class JdbcRegions implements Regions {

    private static final String COLUMNS = "code, name, parent_code, level, statistical_only";

    private final JdbcClient jdbc;

    JdbcRegions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Region> find(DivisionCode code) {
        return jdbc.sql("select " + COLUMNS + " from region where code = ?").param(code.value())
                .query(JdbcRegions::map).optional();
    }

    @Override
    public List<Region> children(DivisionCode code) {
        return jdbc.sql("select " + COLUMNS + " from region where parent_code = ? order by code").param(code.value())
                .query(JdbcRegions::map).list();
    }

    @Override
    public List<Region> path(DivisionCode code) {
        return jdbc.sql("""
                        with recursive up as (
                            select %1$s, 0 as depth from region where code = ?
                            union all
                            select r.code, r.name, r.parent_code, r.level, r.statistical_only, up.depth + 1
                            from region r join up on r.code = up.parent_code)
                        select %1$s from up order by depth desc""".formatted(COLUMNS))
                .param(code.value()).query(JdbcRegions::map).list();
    }

    @Override
    public List<Region> provinces() {
        return jdbc.sql("select " + COLUMNS + " from region where parent_code is null order by code")
                .query(JdbcRegions::map).list();
    }

    private static Region map(ResultSet rs, int row) throws SQLException {
        String parent = rs.getString("parent_code");
        return new Region(new DivisionCode(rs.getString("code")), rs.getString("name"),
                parent == null ? null : new DivisionCode(parent), DivisionLevel.valueOf(rs.getString("level")),
                rs.getBoolean("statistical_only"));
    }
}
