package org.yiwang.identity.person;

import java.util.Locale;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;
import org.yiwang.identity.IdentityError;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.IdNumber;

/**
 * Citizens' passwords: the policy (at least 8 characters, letters and digits, not containing the ID number or the
 * mobile number) and Argon2id hashing with the OWASP parameters (19 MiB, 2 iterations, parallelism 1, 16-byte salt,
 * 32-byte hash).
 */
@Component
public class PersonPasswords {

    static final int MIN_LENGTH = 8;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
    /** Compared against when the account is unknown, so that both cases take the same time. */
    private final String decoy = encoder.encode("decoy-password-1");

    /** Refuses a password that breaks the policy; the reasons are checked in this order. */
    public static void checkPolicy(String password, String confirmation, IdNumber idNumber, String mobile) {
        if (password.length() < MIN_LENGTH) {
            throw new BusinessException(IdentityError.IDENTITY_PASSWORD_TOO_SHORT, MIN_LENGTH);
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw new BusinessException(IdentityError.IDENTITY_PASSWORD_TOO_SIMPLE);
        }
        String upper = password.toUpperCase(Locale.ROOT);
        if (upper.contains(idNumber.value()) || password.contains(mobile)) {
            throw new BusinessException(IdentityError.IDENTITY_PASSWORD_CONTAINS_PERSONAL_DATA);
        }
        if (!password.equals(confirmation)) {
            throw new BusinessException(IdentityError.IDENTITY_PASSWORD_MISMATCH);
        }
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the time of one comparison, for a login name that matches no account. */
    public void compareWithDecoy(String password) {
        encoder.matches(password, decoy);
    }
}
