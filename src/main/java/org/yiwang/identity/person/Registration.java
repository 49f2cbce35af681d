package org.yiwang.identity.person;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.identity.AssuranceLevel;
import org.yiwang.identity.IdentityError;
import org.yiwang.identity.PopulationRegistry;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.IdNumber;

/**
 * 注册: a natural person proves their ID number and name against the population base and their mobile number by an
 * SMS code, and gets an account at level 3. The SMS code is checked before the population base is asked, so the
 * base cannot be probed without a phone: each code allows at most five questions.
 */
@Component
class Registration {

    /** Chinese names, including ethnic-minority names with the middle dot. */
    static final Pattern NAME = Pattern.compile("[\\p{IsHan}·•]{2,30}");

    record Form(String idNumber, String name, String mobile, String smsCode, String password,
            String passwordConfirmation) {
    }

    private final PersonAccounts accounts;
    private final PopulationRegistry population;
    private final SmsCodes smsCodes;
    private final LoginHistory history;

    Registration(PersonAccounts accounts, PopulationRegistry population, SmsCodes smsCodes, LoginHistory history) {
        this.accounts = accounts;
        this.population = population;
        this.smsCodes = smsCodes;
        this.history = history;
    }

    @Transactional(noRollbackFor = BusinessException.class)
    PersonAccount register(Form form, ClientInfo client) {
        String raw = form.idNumber().strip().toUpperCase(Locale.ROOT);
        if (!IdNumber.isValid(raw)) {
            throw new BusinessException(IdentityError.IDENTITY_ID_NUMBER_INVALID);
        }
        IdNumber idNumber = IdNumber.of(raw);
        String name = form.name().strip();
        if (!NAME.matcher(name).matches()) {
            throw new BusinessException(IdentityError.IDENTITY_NAME_INVALID);
        }
        String mobile = form.mobile().strip();
        if (!PersonAccounts.MOBILE.matcher(mobile).matches()) {
            throw new BusinessException(IdentityError.IDENTITY_MOBILE_INVALID);
        }
        PersonPasswords.checkPolicy(form.password(), form.passwordConfirmation(), idNumber, mobile);
        long code = smsCodes.check(mobile, SmsCodes.Purpose.REGISTER, form.smsCode().strip());
        if (!population.confirms(idNumber, name)) {
            smsCodes.countAttempt(code);
            throw new BusinessException(IdentityError.IDENTITY_NOT_IN_POPULATION);
        }
        if (accounts.idNumberRegistered(idNumber)) {
            throw new BusinessException(IdentityError.IDENTITY_ALREADY_REGISTERED);
        }
        if (accounts.mobileRegistered(mobile)) {
            throw new BusinessException(IdentityError.IDENTITY_MOBILE_TAKEN);
        }
        smsCodes.consume(code);
        PersonAccount account = accounts.create(name, idNumber, mobile, form.password(),
                AssuranceLevel.POPULATION_CONFIRMED);
        history.record(account.accountId(), LoginHistory.Method.REGISTER, LoginHistory.Result.SUCCESS, client);
        return account;
    }
}
