package org.yiwang.calendar;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The loaded schedules in PostgreSQL. Writers serialise on one advisory lock so instances can start together. */
@Repository
class HolidayRepository {

    /** Advisory lock key of the calendar tables ("yiwang.calendar" folded into a bigint). */
    private static final long LOCK_KEY = 0x7969_7761_6e67_4341L;

    private final JdbcClient jdbc;

    HolidayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the calendar write lock until the current transaction ends. */
    void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)::text").param("key", LOCK_KEY).query().listOfRows();
    }

    /** Inserts the year unless it is already loaded; true when it was inserted. */
    boolean insertIfAbsent(HolidaySchedule schedule, String source, String loadedBy) {
        int rows = jdbc.sql("""
                        INSERT INTO calendar_year (year, source, papers, loaded_by) VALUES (:year, :source, :papers, :by)
                        ON CONFLICT (year) DO NOTHING""")
                .param("year", schedule.year()).param("source", source)
                .param("papers", schedule.papersOrEmpty().toArray(String[]::new)).param("by", loadedBy)
                .update();
        if (rows == 0) {
            return false;
        }
        insertDays(schedule);
        return true;
    }

    /** Replaces the year's schedule; call inside a transaction holding {@link #lock()}. */
    void replace(HolidaySchedule schedule, String source, String loadedBy) {
        jdbc.sql("""
                        INSERT INTO calendar_year (year, source, papers, loaded_by) VALUES (:year, :source, :papers, :by)
                        ON CONFLICT (year) DO UPDATE SET source = excluded.source, papers = excluded.papers,
                            loaded_at = now(), loaded_by = excluded.loaded_by""")
                .param("year", schedule.year()).param("source", source)
                .param("papers", schedule.papersOrEmpty().toArray(String[]::new)).param("by", loadedBy)
                .update();
        jdbc.sql("DELETE FROM calendar_day WHERE year = :year").param("year", schedule.year()).update();
        insertDays(schedule);
    }

    private void insertDays(HolidaySchedule schedule) {
        for (HolidaySchedule.Day d : schedule.daysOrEmpty()) {
            jdbc.sql("INSERT INTO calendar_day (day, year, off_day, name) VALUES (:day, :year, :off, :name)")
                    .param("day", d.date()).param("year", schedule.year()).param("off", d.isOffDay())
                    .param("name", d.name().strip())
                    .update();
        }
    }

    List<Integer> years() {
        return jdbc.sql("SELECT year FROM calendar_year ORDER BY year").query(Integer.class).list();
    }

    List<StoredDay> days() {
        return jdbc.sql("SELECT day, year, off_day, name FROM calendar_day ORDER BY day")
                .query((rs, n) -> new StoredDay(rs.getObject("day", LocalDate.class), rs.getInt("year"),
                        rs.getBoolean("off_day"), rs.getString("name")))
                .list();
    }

    List<LoadedYear> loadedYears() {
        return jdbc.sql("""
                        SELECT y.year, y.source, y.papers, y.loaded_at, y.loaded_by,
                               count(d.day) FILTER (WHERE d.off_day) AS off_days,
                               count(d.day) FILTER (WHERE NOT d.off_day) AS make_up_days
                        FROM calendar_year y LEFT JOIN calendar_day d ON d.year = y.year
                        GROUP BY y.year ORDER BY y.year""")
                .query((rs, n) -> new LoadedYear(rs.getInt("year"), rs.getString("source"), strings(rs.getArray("papers")),
                        rs.getObject("loaded_at", OffsetDateTime.class).toInstant(), rs.getString("loaded_by"),
                        rs.getInt("off_days"), rs.getInt("make_up_days")))
                .list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    record StoredDay(LocalDate date, int year, boolean offDay, String name) {
    }
}
