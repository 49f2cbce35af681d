package org.yiwang.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Extensions and clock stops of cases ({@code service_case_procedure}). */
@Component
class CaseProcedures {

    static final String EXTENSION = "EXTENSION";

    private final JdbcClient jdbc;

    CaseProcedures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void extension(long caseId, int days, String reason, LocalDate on, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO service_case_procedure (case_id, kind, reason, days, started_on, ended_on, started_at,
                    ended_at, started_by, result) VALUES (?, 'EXTENSION', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, reason, days, on, on, Timestamp.from(at), Timestamp.from(at), by,
                        "批准延长 " + days + " 个工作日").update();
    }

    void stop(long caseId, PauseKind kind, String reason, LocalDate on, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO service_case_procedure (case_id, kind, reason, started_on, started_at, started_by)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(caseId, kind.name(), reason, on, Timestamp.from(at), by).update();
    }

    /** Ends the open clock stop of the case, if any. */
    void end(long caseId, LocalDate on, Instant at, @Nullable String result) {
        jdbc.sql("""
                UPDATE service_case_procedure SET ended_on = ?, ended_at = ?, result = ?
                WHERE case_id = ? AND kind <> 'EXTENSION' AND ended_on IS NULL""")
                .params(on, Timestamp.from(at), result, caseId).update();
    }

    List<SpecialProcedure> all(long caseId) {
        return jdbc.sql("SELECT * FROM service_case_procedure WHERE case_id = ? ORDER BY id").param(caseId)
                .query((rs, n) -> {
                    String kind = rs.getString("kind");
                    Timestamp ended = rs.getTimestamp("ended_at");
                    return new SpecialProcedure(rs.getLong("id"), kind,
                            EXTENSION.equals(kind) ? "延期" : PauseKind.valueOf(kind).label(), rs.getString("reason"),
                            rs.getObject("days", Integer.class), rs.getObject("started_on", LocalDate.class),
                            rs.getObject("ended_on", LocalDate.class), rs.getTimestamp("started_at").toInstant(),
                            ended == null ? null : ended.toInstant(), rs.getString("started_by"),
                            rs.getString("result"));
                }).list();
    }
}
