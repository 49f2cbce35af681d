package org.yiwang.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The append-only trail of every case ({@code service_case_trail}; a trigger refuses updates and deletes). */
@Component
class CaseTrail {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CaseTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void append(long caseId, Instant at, CaseAction action, @Nullable String step, Actor actor,
            @Nullable String opinion, @Nullable CaseState before, CaseState after, Map<String, ?> details) {
        jdbc.sql("""
                INSERT INTO service_case_trail (case_id, at, action, step, actor_kind, actor, actor_name, role, channel,
                    opinion, state_before, state_after, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")
                .params(caseId, Timestamp.from(at), action.name(), step, actor.kind(), actor.id(), actor.name(),
                        actor.role() == null ? null : actor.role().name(), actor.channel(), opinion,
                        before == null ? null : before.name(), after.name(), json.writeValueAsString(details))
                .update();
    }

    List<TrailEntry> entries(long caseId) {
        return jdbc.sql("SELECT * FROM service_case_trail WHERE case_id = ? ORDER BY id").param(caseId)
                .query((rs, n) -> {
                    CaseAction action = CaseAction.valueOf(rs.getString("action"));
                    String before = rs.getString("state_before");
                    return new TrailEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), action, action.label(),
                            rs.getString("step"), rs.getString("actor_kind"), rs.getString("actor"),
                            rs.getString("actor_name"), rs.getString("role"), rs.getString("channel"),
                            rs.getString("opinion"), before == null ? null : CaseState.valueOf(before),
                            CaseState.valueOf(rs.getString("state_after")),
                            json.readValue(rs.getString("details"), DETAILS));
                }).list();
    }
}
