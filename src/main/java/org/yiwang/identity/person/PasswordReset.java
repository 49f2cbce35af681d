package org.yiwang.identity.person;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.identity.AccountId;
import org.yiwang.identity.IdentityError;
import org.yiwang.identity.SmsSender;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.IdNumber;

/**
 * 找回密码: the person gives the ID number and the registered mobile number, receives an SMS code and sets a new
 * password under the registration rules. Whether the two match an account is never told: a code is issued and
 * rate-limited either way but sent only when they match, the answer is the same, and the code step fails the same
 * way (a code that was never sent cannot be right; if guessed, it is refused as wrong). A reset clears the login
 * lock, is recorded in the login history and notified by SMS; the caller ends the account's sessions.
 */
@Component
class PasswordReset {

    /** Session attribute carrying the first step to the second. */
    static final String SESSION_ATTRIBUTE = "YIWANG_PASSWORD_RESET";

    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The first step's outcome: the mobile number the code went (or did not go) to, and the account if matched. */
    record Pending(String mobile, @Nullable AccountId account) implements Serializable {
    }

    private final PersonAccounts accounts;
    private final SmsCodes smsCodes;
    private final LoginGuard guard;
    private final LoginHistory history;
    private final SmsSender sender;

    PasswordReset(PersonAccounts accounts, SmsCodes smsCodes, LoginGuard guard, LoginHistory history,
            SmsSender sender) {
        this.accounts = accounts;
        this.smsCodes = smsCodes;
        this.guard = guard;
        this.history = history;
        this.sender = sender;
    }

    /** Checks the formats and issues a code, sent only if ID number and mobile belong to one active account. */
    Pending request(String idNumber, String mobile, ClientInfo client) {
        String raw = idNumber.strip().toUpperCase(Locale.ROOT);
        if (!IdNumber.isValid(raw)) {
            throw new BusinessException(IdentityError.IDENTITY_ID_NUMBER_INVALID);
        }
        String number = mobile.strip();
        if (!PersonAccounts.MOBILE.matcher(number).matches()) {
            throw new BusinessException(IdentityError.IDENTITY_MOBILE_INVALID);
        }
        Optional<AccountId> account = accounts.findByIdNumber(IdNumber.of(raw))
                .filter(a -> a.status() == AccountStatus.ACTIVE && a.mobile().equals(number))
                .map(PersonAccount::accountId);
        smsCodes.issue(number, SmsCodes.Purpose.RESET, account.isPresent(), client.address());
        log.info("Password reset code requested from {}: {}", client.maskedAddress(),
                account.map(a -> "account " + a).orElse("no matching account"));
        return new Pending(number, account.orElse(null));
    }

    /** Sets the new password if the code is right; returns the account. */
    @Transactional(noRollbackFor = BusinessException.class)
    PersonAccount complete(Pending pending, String code, String password, String confirmation, ClientInfo client) {
        Optional<PersonAccount> found = Optional.ofNullable(pending.account()).flatMap(accounts::find)
                .filter(a -> a.status() == AccountStatus.ACTIVE && a.mobile().equals(pending.mobile()));
        long id;
        try {
            id = smsCodes.check(pending.mobile(), SmsCodes.Purpose.RESET, code.strip());
        } catch (BusinessException e) {
            found.ifPresent(a -> history.record(a.accountId(), LoginHistory.Method.RESET,
                    LoginHistory.Result.WRONG_SMS_CODE, client));
            throw e;
        }
        if (found.isEmpty()) {
            smsCodes.countAttempt(id);
            throw new BusinessException(IdentityError.IDENTITY_SMS_CODE_WRONG);
        }
        PersonAccount account = found.get();
        PersonPasswords.checkPolicy(password, confirmation, account.idNumber(), account.mobile());
        smsCodes.consume(id);
        accounts.changePassword(account.accountId(), password);
        guard.succeeded(account.accountId().value());
        history.record(account.accountId(), LoginHistory.Method.RESET, LoginHistory.Result.PASSWORD_RESET, client);
        log.info("Password of account {} reset from {}", account.accountId(), client.maskedAddress());
        return account;
    }

    /** Tells the holder by SMS; the reset stands even if the message cannot be sent. */
    void notifyHolder(PersonAccount account) {
        try {
            sender.send(account.mobile(), "【一网通办】您的个人账号密码已于%s重置，其他设备上的登录已退出。如非本人操作，"
                    .formatted(MINUTE.format(Instant.now().atZone(AccountPages.CHINA)))
                    + "请立即通过“忘记密码”重新设置密码。");
        } catch (RuntimeException e) {
            log.warn("Password reset notice to {} not sent: {}", account.maskedMobile(), e.getMessage());
        }
    }
}
