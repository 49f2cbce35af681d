package org.yiwang.identity.person;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.identity.AccountId;

/** Login attempts on existing accounts, visible to the account holder. */
@Component
class LoginHistory {

    enum Method {
        PASSWORD,
        SMS,
        /** Registration logs the new account in. */
        REGISTER,
        /** 找回密码: a new password set with an SMS code; it does not log in. */
        RESET
    }

    enum Result {
        SUCCESS,
        WRONG_PASSWORD,
        WRONG_SMS_CODE,
        LOCKED,
        ADDRESS_BLOCKED,
        DISABLED,
        PASSWORD_RESET;

        /** Whether the attempt did what it was for. */
        boolean ok() {
            return this == SUCCESS || this == PASSWORD_RESET;
        }
    }

    record Entry(Instant at, Method method, Result result, String client, String userAgent) {
    }

    private final JdbcClient jdbc;

    LoginHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(AccountId account, Method method, Result result, ClientInfo client) {
        jdbc.sql("INSERT INTO person_login (account_id, at, method, result, client, user_agent) "
                + "VALUES (?, ?, ?, ?, ?, ?)").params(account.value(), Timestamp.from(Instant.now()), method.name(),
                        result.name(), client.maskedAddress(), client.userAgent()).update();
    }

    List<Entry> latest(AccountId account, int limit) {
        return jdbc.sql("SELECT at, method, result, client, user_agent FROM person_login WHERE account_id = ? "
                + "ORDER BY at DESC, id DESC LIMIT ?").params(account.value(), limit)
                .query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), Method.valueOf(rs.getString("method")),
                        Result.valueOf(rs.getString("result")), rs.getString("client"), rs.getString("user_agent")))
                .list();
    }
}
