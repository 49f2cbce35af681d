package org.yiwang.identity.staff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The change record of staff accounts (who, when, what), append-only: the database refuses updates and deletes. */
@Component
class StaffChanges {

    enum Action {
        CREATED,
        PROFILE_CHANGED,
        DISABLED,
        ENABLED,
        PASSWORD_RESET,
        TOTP_RESET,
        /** By the holder: at the forced change of the first login or on their account page. */
        PASSWORD_CHANGED,
        /** By the holder, at login. */
        TOTP_ENROLLED
    }

    record Change(Instant at, String actor, Action action, String detail) {
    }

    private final JdbcClient jdbc;

    StaffChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String username, String actor, Action action, String detail) {
        jdbc.sql("INSERT INTO staff_change (username, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)")
                .params(username, Timestamp.from(Instant.now()), actor, action.name(),
                        detail.length() > 500 ? detail.substring(0, 500) : detail)
                .update();
    }

    List<Change> of(String username) {
        return jdbc.sql("SELECT at, actor, action, detail FROM staff_change WHERE username = ? ORDER BY at DESC, id DESC")
                .param(username).query((rs, n) -> new Change(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        Action.valueOf(rs.getString("action")), rs.getString("detail")))
                .list();
    }
}
