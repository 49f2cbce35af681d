package org.yiwang.department;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.department.Department.DepartmentLevel;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * Departments in the {@code department} table. Reads come from an in-memory snapshot (a few thousand rows at most),
 * dropped on every write here and refreshed after {@link #MAX_AGE} so changes made by another instance show up.
 */
@Component
class JdbcDepartments implements Departments {

    private static final Duration MAX_AGE = Duration.ofSeconds(30);
    private static final Comparator<Department> ORDER = Comparator.comparing(Department::level)
            .thenComparing(d -> d.regionCode().value()).thenComparing(Department::name);

    private record Snapshot(List<Department> all, Map<CreditCode, Department> byCode, long loadedAt) {
    }

    private final JdbcClient jdbc;
    private volatile @Nullable Snapshot snapshot;

    JdbcDepartments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Department> find(CreditCode code) {
        return Optional.ofNullable(snapshot().byCode().get(code));
    }

    @Override
    public List<Department> all() {
        return snapshot().all();
    }

    @Override
    public List<Department> list(@Nullable DivisionCode region, @Nullable DepartmentLevel level) {
        return all().stream()
                .filter(d -> region == null || d.regionCode().isWithin(region))
                .filter(d -> level == null || d.level() == level)
                .toList();
    }

    /** Inserts the department unless one with its code exists; true when it was inserted. */
    boolean insertIfMissing(Department d) {
        int rows = jdbc.sql("""
                        insert into department (credit_code, name, short_name, region_code, level, address, phone,
                            office_hours, website)
                        values (:code, :name, :shortName, :region, :level, :address, :phone, :hours, :website)
                        on conflict (credit_code) do nothing""")
                .params(params(d)).update();
        snapshot = null;
        return rows == 1;
    }

    /** Replaces the data of an existing department; false when there is none. */
    boolean update(Department d) {
        int rows = jdbc.sql("""
                        update department set name = :name, short_name = :shortName, region_code = :region,
                            level = :level, address = :address, phone = :phone, office_hours = :hours,
                            website = :website, updated_at = now()
                        where credit_code = :code""")
                .params(params(d)).update();
        snapshot = null;
        return rows == 1;
    }

    private static Map<String, @Nullable Object> params(Department d) {
        Map<String, @Nullable Object> p = new java.util.HashMap<>();
        p.put("code", d.creditCode().value());
        p.put("name", d.name());
        p.put("shortName", d.shortName());
        p.put("region", d.regionCode().value());
        p.put("level", d.level().name());
        p.put("address", d.address());
        p.put("phone", d.phone());
        p.put("hours", d.officeHours());
        p.put("website", d.website());
        return p;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.loadedAt() > MAX_AGE.toNanos()) {
            List<Department> all = jdbc.sql("""
                            select credit_code, name, short_name, region_code, level, address, phone, office_hours,
                                website
                            from department""")
                    .query(JdbcDepartments::map).list().stream().sorted(ORDER).toList();
            s = new Snapshot(all, all.stream().collect(Collectors.toUnmodifiableMap(Department::creditCode,
                    Function.identity())), System.nanoTime());
            snapshot = s;
        }
        return s;
    }

    private static Department map(ResultSet rs, int row) throws SQLException {
        return new Department(new CreditCode(rs.getString("credit_code")), rs.getString("name"),
                rs.getString("short_name"), new DivisionCode(rs.getString("region_code")),
                DepartmentLevel.valueOf(rs.getString("level")), rs.getString("address"), rs.getString("phone"),
                rs.getString("office_hours"), rs.getString("website"));
    }
}
