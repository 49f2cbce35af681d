package org.yiwang.identity.person;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yiwang.identity.IdentityError;
import org.yiwang.identity.Person;
import org.yiwang.shared.BusinessException;

/**
 * 登录 by password (login name = ID number or mobile number) or by SMS code. An unknown login name and a wrong
 * password (or code) get the same refusal; both count towards the lock of their login subject and the limit of the
 * client address (see the package documentation).
 */
@Component
class PersonLogin {

    private static final Logger log = LoggerFactory.getLogger(PersonLogin.class);

    private final PersonAccounts accounts;
    private final PersonPasswords passwords;
    private final SmsCodes smsCodes;
    private final LoginGuard guard;
    private final LoginHistory history;
    private final PersonalDataProtection protection;

    PersonLogin(PersonAccounts accounts, PersonPasswords passwords, SmsCodes smsCodes, LoginGuard guard,
            LoginHistory history, PersonalDataProtection protection) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.smsCodes = smsCodes;
        this.guard = guard;
        this.history = history;
        this.protection = protection;
    }

    Person withPassword(String loginName, String password, ClientInfo client) {
        return attempt(accounts.findByLoginName(loginName), loginName, LoginHistory.Method.PASSWORD,
                IdentityError.IDENTITY_LOGIN_FAILED, client, account -> passwords.matches(password, account.passwordHash()),
                () -> passwords.compareWithDecoy(password));
    }

    Person withSmsCode(String mobile, String code, ClientInfo client) {
        String number = mobile.strip();
        Optional<PersonAccount> account = PersonAccounts.MOBILE.matcher(number).matches()
                ? accounts.findByMobile(number) : Optional.empty();
        return attempt(account, number, LoginHistory.Method.SMS, IdentityError.IDENTITY_SMS_LOGIN_FAILED, client,
                a -> {
                    try {
                        smsCodes.consume(smsCodes.check(number, SmsCodes.Purpose.LOGIN, code.strip()));
                        return true;
                    } catch (BusinessException e) {
                        return false;
                    }
                }, () -> {
                });
    }

    private Person attempt(Optional<PersonAccount> found, String loginName, LoginHistory.Method method,
            IdentityError refusal, ClientInfo client, Predicate<PersonAccount> proves, Runnable unknown) {
        String subject = found.map(a -> a.accountId().value()).orElseGet(() -> unknownSubject(loginName));
        try {
            guard.checkAddress(client.address());
        } catch (BusinessException e) {
            found.ifPresent(a -> history.record(a.accountId(), method, LoginHistory.Result.ADDRESS_BLOCKED, client));
            throw e;
        }
        Optional<Instant> locked = guard.lockedUntil(subject);
        if (locked.isPresent()) {
            guard.refused(client.address());
            found.ifPresent(a -> history.record(a.accountId(), method, LoginHistory.Result.LOCKED, client));
            long minutes = Math.max(1, Duration.between(Instant.now(), locked.get()).toMinutes() + 1);
            throw new BusinessException(IdentityError.IDENTITY_LOGIN_LOCKED, minutes);
        }
        if (found.isEmpty()) {
            unknown.run();
            guard.failed(subject, client.address());
            throw new BusinessException(refusal);
        }
        PersonAccount account = found.get();
        if (!proves.test(account)) {
            guard.failed(subject, client.address());
            history.record(account.accountId(), method, method == LoginHistory.Method.PASSWORD
                    ? LoginHistory.Result.WRONG_PASSWORD : LoginHistory.Result.WRONG_SMS_CODE, client);
            throw new BusinessException(refusal);
        }
        if (account.status() != AccountStatus.ACTIVE) {
            history.record(account.accountId(), method, LoginHistory.Result.DISABLED, client);
            throw new BusinessException(refusal);
        }
        guard.succeeded(subject);
        history.record(account.accountId(), method, LoginHistory.Result.SUCCESS, client);
        log.info("Person {} logged in by {} from {}", account.accountId(), method, client.maskedAddress());
        return account.person();
    }

    /** The login subject of a name without an account: its keyed hash, so that it locks like an account does. */
    private String unknownSubject(String loginName) {
        return "u:" + HexFormat.of().formatHex(protection.hash(loginName.strip().toUpperCase(Locale.ROOT)));
    }
}
