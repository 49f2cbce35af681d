package org.yiwang.identity.oidc;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The OpenID Connect subject ({@code sub}) of a staff account: 128 random bits, URL-safe Base64, stored in
 * {@code oidc_staff_subject} on the account's first sign-in through a client and the same ever after. Tokens never
 * carry the username; the bearer API finds the account from the subject.
 */
@Component("oidcStaffSubjects")
class StaffSubjects {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    StaffSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String subjectOf(String username) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        jdbc.sql("INSERT INTO oidc_staff_subject (username, subject) VALUES (?, ?) ON CONFLICT (username) DO NOTHING")
                .params(username, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)).update();
        return jdbc.sql("SELECT subject FROM oidc_staff_subject WHERE username = ?").param(username)
                .query(String.class).single();
    }

    Optional<String> usernameOf(String subject) {
        return jdbc.sql("SELECT username FROM oidc_staff_subject WHERE subject = ?").param(subject)
                .query(String.class).optional();
    }
}
