package org.yiwang.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.cases.CaseRecord.ApplicantKind;
import org.yiwang.cases.CaseRecord.RequiredMaterial;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code service_case} through plain SQL. Changes go through {@link #update}, which applies them only if the row still
 * has the version the caller read (optimistic lock) and raises the version; concurrent actors therefore serialise on
 * the row and all but the first find the version changed.
 */
@Component
class CaseStore {

    /** A value for a {@code jsonb} column. */
    record Json(Object value) {
    }

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<RequiredMaterial>> MATERIALS = new TypeReference<>() {
    };
    private static final TypeReference<List<CorrectionItem>> CORRECTIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CaseStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts a row and answers it as stored (new rows are the caller's alone until its transaction commits). */
    CaseRecord insert(Map<String, @Nullable Object> columns) {
        var sql = new StringBuilder("INSERT INTO service_case (").append(String.join(", ", columns.keySet()))
                .append(") VALUES (").append(columns.keySet().stream().map(this::placeholder)
                        .collect(Collectors.joining(", "))).append(") RETURNING *");
        var statement = jdbc.sql(sql.toString());
        for (var e : columns.entrySet()) {
            statement = statement.param(e.getKey(), value(e.getValue()));
        }
        return statement.query(this::map).single();
    }

    /** Applies {@code changes} if the row still has {@code version}; returns whether it did (and raised the version). */
    boolean update(long id, int version, Map<String, @Nullable Object> changes) {
        return set(id, version, changes, "").update() == 1;
    }

    /** As {@link #update}, answering the changed row (empty if the version was not the one read). */
    Optional<CaseRecord> updated(long id, int version, Map<String, @Nullable Object> changes) {
        return set(id, version, changes, " RETURNING *").query(this::map).optional();
    }

    private JdbcClient.StatementSpec set(long id, int version, Map<String, @Nullable Object> changes,
            String returning) {
        var sql = new StringBuilder("UPDATE service_case SET ");
        sql.append(changes.keySet().stream().map(c -> c + " = " + placeholder(c)).collect(Collectors.joining(", ")));
        sql.append(", version = version + 1 WHERE id = :id AND version = :expectedVersion").append(returning);
        var statement = jdbc.sql(sql.toString()).param("id", id).param("expectedVersion", version);
        for (var e : changes.entrySet()) {
            statement = statement.param(e.getKey(), value(e.getValue()));
        }
        return statement;
    }

    Optional<CaseRecord> findByNumber(String caseNumber) {
        return jdbc.sql("SELECT * FROM service_case WHERE case_number = ?").param(caseNumber).query(this::map)
                .optional();
    }

    Optional<CaseRecord> lockByNumber(String caseNumber) {
        return jdbc.sql("SELECT * FROM service_case WHERE case_number = ? FOR UPDATE").param(caseNumber)
                .query(this::map).optional();
    }

    Optional<CaseRecord> findById(long id) {
        return jdbc.sql("SELECT * FROM service_case WHERE id = ?").param(id).query(this::map).optional();
    }

    Optional<CaseRecord> lock(long id) {
        return jdbc.sql("SELECT * FROM service_case WHERE id = ? FOR UPDATE").param(id).query(this::map).optional();
    }

    Optional<CaseRecord> findByIdempotencyKey(String submitterKey, String key) {
        return jdbc.sql("SELECT * FROM service_case WHERE submitter_key = ? AND idempotency_key = ?")
                .params(submitterKey, key).query(this::map).optional();
    }

    List<CaseRecord> drafts(String submitterKey) {
        return jdbc.sql("SELECT * FROM service_case WHERE submitter_key = ? AND state = 'DRAFT' ORDER BY updated_at DESC")
                .param(submitterKey).query(this::map).list();
    }

    void deleteDraft(long id) {
        jdbc.sql("DELETE FROM service_case WHERE id = ? AND state = 'DRAFT'").param(id).update();
    }

    /** Cases (not drafts) matching a condition on the table, newest first. */
    List<CaseRecord> list(String where, Map<String, Object> params, long offset, int limit) {
        var statement = jdbc.sql("SELECT * FROM service_case WHERE state <> 'DRAFT' AND (" + where
                + ") ORDER BY submitted_at DESC, id DESC OFFSET :offset LIMIT :limit");
        for (var e : params.entrySet()) {
            statement = statement.param(e.getKey(), value(e.getValue()));
        }
        return statement.param("offset", offset).param("limit", limit).query(this::map).list();
    }

    long count(String where, Map<String, Object> params) {
        var statement = jdbc.sql("SELECT count(*) FROM service_case WHERE state <> 'DRAFT' AND (" + where + ")");
        for (var e : params.entrySet()) {
            statement = statement.param(e.getKey(), value(e.getValue()));
        }
        return statement.query(Long.class).single();
    }

    private String placeholder(String column) {
        return switch (column) {
            case "form_values", "form_prefill", "situation_answers", "materials_required", "correction_items" ->
                    "CAST(:" + column + " AS jsonb)";
            default -> ":" + column;
        };
    }

    private @Nullable Object value(@Nullable Object v) {
        if (v instanceof Json j) {
            return j.value() == null ? null : json.writeValueAsString(j.value());
        }
        if (v instanceof Instant i) {
            return Timestamp.from(i);
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        return v;
    }

    private CaseRecord map(ResultSet rs, int row) throws SQLException {
        String correction = rs.getString("correction_items");
        return new CaseRecord(
                rs.getLong("id"), rs.getString("case_number"), rs.getString("query_code"), rs.getString("item_code"),
                rs.getInt("item_version"), rs.getString("item_name"), rs.getString("department_code"),
                rs.getString("region_code"), rs.getString("case_type"), rs.getInt("promised_days"),
                rs.getBoolean("pre_review"), json.readValue(rs.getString("materials_required"), MATERIALS),
                Channel.valueOf(rs.getString("channel")), ApplicantKind.valueOf(rs.getString("applicant_kind")),
                rs.getString("applicant_account"), rs.getString("applicant_name"), rs.getBytes("applicant_id_enc"),
                rs.getString("applicant_mobile"), rs.getString("credit_code"), rs.getString("agent_account"),
                rs.getString("agent_name"), rs.getString("agent_role"), rs.getString("submitter_key"),
                rs.getString("idempotency_key"), new LinkedHashMap<>(json.readValue(rs.getString("form_values"),
                        STRING_MAP)),
                new LinkedHashMap<>(json.readValue(rs.getString("form_prefill"), STRING_MAP)),
                new LinkedHashMap<>(json.readValue(rs.getString("situation_answers"), STRING_MAP)),
                CaseState.valueOf(rs.getString("state")), state(rs.getString("resume_state")),
                rs.getString("process_instance_id"), rs.getString("current_task"), rs.getString("current_task_id"),
                rs.getString("task_role"), rs.getString("handler"), instant(rs, "task_since"),
                correction == null ? null : new ArrayList<>(json.readValue(correction, CORRECTIONS)),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "submitted_at"),
                instant(rs, "accepted_at"), rs.getObject("accepted_on", LocalDate.class), rs.getString("accepted_by"),
                rs.getObject("due_date", LocalDate.class), rs.getInt("extension_days"), rs.getInt("stopped_days"),
                rs.getObject("clock_stopped_since", LocalDate.class), rs.getObject("overdue_since", LocalDate.class),
                rs.getString("decision"), rs.getString("decision_reason"), instant(rs, "decided_at"),
                (Integer) rs.getObject("result_code", Integer.class), rs.getString("result_reason"),
                instant(rs, "completed_at"), rs.getString("delivery_method"), rs.getString("delivery_note"),
                instant(rs, "delivered_at"), rs.getInt("version"));
    }

    private static @Nullable CaseState state(@Nullable String s) {
        return s == null ? null : CaseState.valueOf(s);
    }

    @SuppressWarnings("NullAway")
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
