/**
 * Natural-person accounts (自然人账号): the demo population base, registration, password and SMS login with
 * brute-force protection, login history and the citizens' sessions. Internal to the identity module; the staff
 * login ({@code staff}) shares the brute-force protection, the login history, the password hashing and the data
 * protection.
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
 * <h2>Personal data</h2>
 * The ID number is stored SM4-GCM encrypted with a keyed hash (HMAC-SM3) for lookups and uniqueness; pages show it
 * masked. Passwords are Argon2id (19 MiB, 2 iterations, parallelism 1).
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.identity.person;
