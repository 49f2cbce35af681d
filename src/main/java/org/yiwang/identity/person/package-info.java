/**
 * Natural-person accounts (自然人账号): the demo population base, registration, password and SMS login with
 * brute-force protection, password reset (找回密码), login history and the citizens' sessions. Internal to the
 * identity module; the staff login ({@code staff}) shares the brute-force protection, the login history, the
 * password hashing and the data protection.
 *
 * <h2>Assurance levels (实名认证等级)</h2>
 * {@link org.yiwang.identity.AssuranceLevel}: 2 format checked (格式校验); 3 ID number and name confirmed against the
 * population base and the mobile confirmed by an SMS code (实名核验) — what registration gives; 4 face confirmed
 * (实人核验); 5 digital certificate or in person at a window (数字证书或窗口核验). {@code acr} = {@code urn:yiwang:acr:N}.
 *
 * <h2>Brute-force protection</h2>
 * Failures are counted per login subject: the account, or, for a login name that matches no account, the keyed hash
 * of that name. Five failures within 15 minutes lock the subject for 15 minutes, doubling with each further lock
 * (at most 4 hours) until a successful login. Unknown names lock exactly like accounts, so the lock message (the only
 * message that differs from "账号或密码错误") tells nothing about whether an account exists. A client address with
 * 20 failures in 10 minutes is refused until its failures age out.
 *
 * <h2>Password reset (找回密码)</h2>
 * ID number and registered mobile number, then an SMS code (purpose {@code RESET}, same limits as every code: one a
 * minute per number, ten an hour per address, five wrong entries), then a new password under the registration rules.
 * Nothing tells whether the two match an account: the code is issued, recorded and rate-limited either way but sent
 * only on a match, the next page says "if the data match, a code has been sent", and the code step refuses a wrong
 * code the same way whether or not one was sent. Between the two steps the session holds the mobile number and,
 * on a match, the account id (never the ID number). A reset ends the account's login in every session, clears its
 * login lock, is recorded in the login history (找回密码 · 密码已重置) and notified by SMS.
 *
 * <h2>Sessions</h2>
 * A citizen's login is a few attributes of the (Spring Session JDBC) session, apart from the staff login
 * ({@link org.yiwang.identity.person.PersonSessions}). Logging out, "log out everywhere", a password reset, ending a
 * session from the account page (登录设备) and the absolute timeout remove those attributes and keep the session,
 * so a staff member logged in in the same browser stays logged in; logging out also changes the session id. The
 * account page lists the sessions with the browser, the /24 network, login time and last access, each named by a
 * keyed hash of its id rather than the id (the cookie's value).
 *
 * <h2>Personal data</h2>
 * The ID number is stored SM4-GCM encrypted with a keyed hash (HMAC-SM3) for lookups and uniqueness; pages show it
 * masked. Passwords are Argon2id (19 MiB, 2 iterations, parallelism 1).
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.identity.person;
