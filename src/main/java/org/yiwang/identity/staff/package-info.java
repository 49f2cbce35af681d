/**
 * Staff accounts (工作人员账号): stored accounts bound to a department (credit code) and a region (division code) with
 * roles — 窗口人员, 审查人员, 审批人员, 部门管理员, 监督人员, 平台管理员 — their two-factor login, sessions and
 * administration. Internal to the identity module; other modules see {@link org.yiwang.identity.Staff} and
 * {@link org.yiwang.identity.CurrentStaff}.
 *
 * <h2>Login (工作人员登录)</h2>
 * On {@code /login}: username and password, then the 6-digit code of an authenticator app (TOTP, RFC 6238: HMAC-SHA-1,
 * 30-second steps, one step of drift either side; each code accepted once per account). An unknown username, a wrong
 * password, a disabled account and a wrong or replayed code all end with the same message; brute-force protection is
 * the citizens' ({@link org.yiwang.identity.person.LoginGuard}) with staff subjects, and attempts are in the account's
 * login history, shown on {@code /admin/me}. A new account (temporary password from an administrator) enrols its
 * secret at the first login — QR code and Base32 text, confirmed by a code — and then changes its password. Until the
 * last step the session holds only the login in progress, never an authentication ({@link StaffSessions}).
 *
 * <h2>Credentials at rest</h2>
 * Passwords are Argon2id like the citizens'; TOTP secrets are SM4-GCM encrypted with the identity data key
 * ({@code yiwang.identity.data-key}, {@link org.yiwang.identity.person.PersonalDataProtection}).
 *
 * <h2>Administration (工作人员管理)</h2>
 * {@code /admin/staff} and {@code /api/v1/admin/staff}: see {@link StaffAdministration}. Every change is in an
 * append-only change record. Sessions are checked against the account on every request: disabling an account or
 * resetting its credentials ends its sessions at once.
 *
 * <h2>Demo and first start</h2>
 * The demo profile creates the accounts of {@code identity/demo-staff.csv} with published TOTP secrets and shows their
 * current codes on {@code /dev/staff-codes} ({@link DemoStaffCodesPage}, refused with the {@code prod} profile). A
 * node without a platform administrator gets one from {@code yiwang.identity.bootstrap-admin.*} ({@link BootstrapAdmin}).
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.identity.staff;
