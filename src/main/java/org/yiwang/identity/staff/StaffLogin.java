package org.yiwang.identity.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.identity.IdentityError;
import org.yiwang.identity.person.ClientInfo;
import org.yiwang.identity.person.LoginGuard;
import org.yiwang.identity.person.LoginHistory;
import org.yiwang.identity.person.LoginHistory.Book;
import org.yiwang.identity.person.LoginHistory.Method;
import org.yiwang.identity.person.LoginHistory.Result;
import org.yiwang.identity.person.PersonPasswords;
import org.yiwang.identity.person.PersonalDataProtection;
import org.yiwang.identity.staff.StaffSessions.PendingLogin;
import org.yiwang.identity.staff.StaffSessions.Stage;
import org.yiwang.shared.BusinessException;

/**
 * 工作人员登录 in two steps: the password, then the 6-digit code of an authenticator app (TOTP). The first step never
 * says whether the password was right: an unknown username, a wrong password and a disabled account all go on to
 * the code step and fail there with the same message as a wrong code ({@code IDENTITY_STAFF_LOGIN_FAILED}). Only a
 * right password of an account without an enrolled secret leads elsewhere: to enrolment, which shows the new secret.
 *
 * <p>Wrong passwords and wrong or replayed codes count towards the lock of the login subject and the limit of the
 * client address, exactly as for citizens ({@link LoginGuard}: 5 failures in 15 minutes lock the account for 15
 * minutes, doubling up to 4 hours; 20 failures of an address in 10 minutes block it); unknown usernames lock like
 * accounts. Every attempt on an existing account is in its login history.
 */
@Component
class StaffLogin {

    private static final Logger log = LoggerFactory.getLogger(StaffLogin.class);
    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    private final StaffAccounts accounts;
    private final PersonPasswords passwords;
    private final LoginGuard guard;
    private final LoginHistory history;
    private final PersonalDataProtection protection;
    private final StaffChanges changes;

    StaffLogin(StaffAccounts accounts, PersonPasswords passwords, LoginGuard guard, LoginHistory history,
            PersonalDataProtection protection, StaffChanges changes) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.guard = guard;
        this.history = history;
        this.protection = protection;
        this.changes = changes;
    }

    /** Step 1. Refuses only a locked subject or a blocked address; everything else moves on. */
    PendingLogin password(String username, String password, ClientInfo client) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        Optional<StaffAccount> found = USERNAME.matcher(name).matches() ? accounts.find(name) : Optional.empty();
        admit(name, found.isPresent(), Method.PASSWORD, client);
        Instant now = Instant.now();
        if (found.isEmpty()) {
            passwords.compareWithDecoy(password);
            guard.failed(subject(name, false), client.address());
            return new PendingLogin(name, false, Stage.CODE, now);
        }
        StaffAccount account = found.get();
        if (!passwords.matches(password, accounts.passwordHash(name))) {
            guard.failed(subject(name, true), client.address());
            history.record(Book.STAFF, name, Method.PASSWORD, Result.WRONG_PASSWORD, client);
            return new PendingLogin(name, false, Stage.CODE, now);
        }
        if (!account.active()) {
            history.record(Book.STAFF, name, Method.PASSWORD, Result.DISABLED, client);
            return new PendingLogin(name, false, Stage.CODE, now);
        }
        history.record(Book.STAFF, name, Method.PASSWORD, Result.PASSWORD_ACCEPTED, client);
        return new PendingLogin(name, true, account.totpEnrolled() ? Stage.CODE : Stage.ENROL, now);
    }

    /** Step 2: the code. Returns the account once both factors are right; else the one refusal for all cases. */
    StaffAccount code(PendingLogin pending, String code, ClientInfo client) {
        String name = pending.username();
        Optional<StaffAccount> found = USERNAME.matcher(name).matches() ? accounts.find(name) : Optional.empty();
        admit(name, found.isPresent(), Method.TOTP, client);
        if (!pending.passwordAccepted() || found.isEmpty() || !found.get().active() || !found.get().totpEnrolled()) {
            throw new BusinessException(IdentityError.IDENTITY_STAFF_LOGIN_FAILED);
        }
        String secret = accounts.totpSecret(name).orElseThrow();
        OptionalLong step = Totp.match(secret, code, Instant.now());
        if (step.isEmpty() || !accounts.useStep(name, step.getAsLong())) {
            guard.failed(subject(name, true), client.address());
            history.record(Book.STAFF, name, Method.TOTP, step.isEmpty() ? Result.WRONG_CODE : Result.CODE_REUSED,
                    client);
            throw new BusinessException(IdentityError.IDENTITY_STAFF_LOGIN_FAILED);
        }
        guard.succeeded(subject(name, true));
        return found.get();
    }

    /** The secret to enrol, created on first sight; empty if the login is not at enrolment. */
    Optional<String> enrolmentSecret(PendingLogin pending) {
        if (pending.stage() != Stage.ENROL || !pending.passwordAccepted()) {
            return Optional.empty();
        }
        return accounts.pendingTotpSecret(pending.username());
    }

    /** Confirms the secret with its first code; a wrong code can be retried (the secret is on the holder's screen). */
    @Transactional(noRollbackFor = BusinessException.class)
    StaffAccount enrol(PendingLogin pending, String code, ClientInfo client) {
        String name = pending.username();
        String secret = enrolmentSecret(pending).orElseThrow(
                () -> new BusinessException(IdentityError.IDENTITY_STAFF_LOGIN_EXPIRED));
        OptionalLong step = Totp.match(secret, code, Instant.now());
        if (step.isEmpty()) {
            history.record(Book.STAFF, name, Method.TOTP, Result.WRONG_CODE, client);
            throw new BusinessException(IdentityError.IDENTITY_TOTP_CODE_WRONG);
        }
        accounts.confirmTotp(name, step.getAsLong());
        changes.record(name, name, StaffChanges.Action.TOTP_ENROLLED, "绑定动态验证码认证器");
        guard.succeeded(subject(name, true));
        return accounts.find(name).orElseThrow();
    }

    /** The forced change of a temporary password, after both factors. */
    @Transactional
    StaffAccount changePassword(String username, String password, String confirmation) {
        StaffPasswords.checkPolicy(password, confirmation, username);
        if (passwords.matches(password, accounts.passwordHash(username))) {
            throw new BusinessException(IdentityError.IDENTITY_PASSWORD_UNCHANGED);
        }
        accounts.updatePassword(username, password, false, username);
        changes.record(username, username, StaffChanges.Action.PASSWORD_CHANGED, "首次登录修改临时密码");
        return accounts.find(username).orElseThrow();
    }

    /** The login is complete: in the history and the log. */
    void completed(StaffAccount account, ClientInfo client) {
        history.record(Book.STAFF, account.username(), Method.TOTP, Result.SUCCESS, client);
        log.info("Staff {} logged in from {}", account.username(), client.maskedAddress());
    }

    /** Refuses a blocked address or a locked subject, in the account's history if there is an account. */
    private void admit(String name, boolean known, Method method, ClientInfo client) {
        try {
            guard.checkAddress(client.address());
        } catch (BusinessException e) {
            if (known) {
                history.record(Book.STAFF, name, method, Result.ADDRESS_BLOCKED, client);
            }
            throw e;
        }
        Optional<Instant> locked = guard.lockedUntil(subject(name, known));
        if (locked.isPresent()) {
            guard.refused(client.address());
            if (known) {
                history.record(Book.STAFF, name, method, Result.LOCKED, client);
            }
            long minutes = Math.max(1, Duration.between(Instant.now(), locked.get()).toMinutes() + 1);
            throw new BusinessException(IdentityError.IDENTITY_LOGIN_LOCKED, minutes);
        }
    }

    /**
     * The login subject: the account, or the keyed hash of a username without an account (so that it locks like an
     * account does). Prefixed apart from the citizens' subjects.
     */
    private String subject(String name, boolean known) {
        return known ? "staff:" + name
                : "staff?" + HexFormat.of().formatHex(protection.hash("staff:" + name)).substring(0, 64);
    }
}
