package org.yiwang.identity.person;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.identity.AccountId;

/** Login attempts on existing accounts, visible to the account holder: citizens' and staff accounts. */
@Component
public class LoginHistory {

    /** Whose attempts: citizens' accounts (table {@code person_login}) or staff accounts ({@code staff_login}). */
    public enum Book {
        PERSON("person_login"),
        STAFF("staff_login");

        private final String table;

        Book(String table) {
            this.table = table;
        }
    }

    public enum Method {
        PASSWORD,
        SMS,
        /** Registration logs the new account in. */
        REGISTER,
        /** 找回密码: a new password set with an SMS code; it does not log in. */
        RESET,
        /** Staff: the one-time code of an authenticator app, after the password. */
        TOTP
    }

    public enum Result {
        SUCCESS,
        WRONG_PASSWORD,
        WRONG_SMS_CODE,
        LOCKED,
        ADDRESS_BLOCKED,
        DISABLED,
        PASSWORD_RESET,
        /** Staff: the password was right; the login waits for the second factor. */
        PASSWORD_ACCEPTED,
        WRONG_CODE,
        /** Staff: a code that had already been used. */
        CODE_REUSED;

        /** Whether the attempt did what it was for. */
        boolean ok() {
            return this == SUCCESS || this == PASSWORD_RESET;
        }
    }

    public record Entry(Instant at, Method method, Result result, String client, String userAgent) {
    }

    private final JdbcClient jdbc;

    LoginHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(AccountId account, Method method, Result result, ClientInfo client) {
        record(Book.PERSON, account.value(), method, result, client);
    }

    List<Entry> latest(AccountId account, int limit) {
        return latest(Book.PERSON, account.value(), limit);
    }

    public void record(Book book, String account, Method method, Result result, ClientInfo client) {
        jdbc.sql("INSERT INTO " + book.table + " (account_id, at, method, result, client, user_agent) "
                + "VALUES (?, ?, ?, ?, ?, ?)").params(account, Timestamp.from(Instant.now()), method.name(),
                        result.name(), client.maskedAddress(), client.userAgent()).update();
    }

    public List<Entry> latest(Book book, String account, int limit) {
        return jdbc.sql("SELECT at, method, result, client, user_agent FROM " + book.table + " WHERE account_id = ? "
                + "ORDER BY at DESC, id DESC LIMIT ?").params(account, limit)
                .query((rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), Method.valueOf(rs.getString("method")),
                        Result.valueOf(rs.getString("result")), rs.getString("client"), rs.getString("user_agent")))
                .list();
    }
}
