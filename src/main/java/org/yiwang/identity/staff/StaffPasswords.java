package org.yiwang.identity.staff;

import java.security.SecureRandom;
import java.util.Locale;
import org.yiwang.identity.IdentityError;
import org.yiwang.shared.BusinessException;

/**
 * Staff passwords: the policy (at least 10 characters, letters and digits, not containing the username) and the
 * temporary passwords given out by administrators, which must be changed at the first login. Hashing is the
 * citizens' Argon2id ({@link org.yiwang.identity.person.PersonPasswords}).
 */
final class StaffPasswords {

    static final int MIN_LENGTH = 10;
    /** No 0/O, 1/l/I: temporary passwords are read out or copied by hand. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StaffPasswords() {
    }

    /** Refuses a password that breaks the policy; the reasons are checked in this order. */
    static void checkPolicy(String password, String confirmation, String username) {
        if (password.length() < MIN_LENGTH) {
            throw new BusinessException(IdentityError.IDENTITY_PASSWORD_TOO_SHORT, MIN_LENGTH);
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw new BusinessException(IdentityError.IDENTITY_PASSWORD_TOO_SIMPLE);
        }
        if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new BusinessException(IdentityError.IDENTITY_PASSWORD_CONTAINS_USERNAME);
        }
        if (!password.equals(confirmation)) {
            throw new BusinessException(IdentityError.IDENTITY_PASSWORD_MISMATCH);
        }
    }

    /** 14 random characters with at least one letter and one digit (about 81 bits). */
    static String temporary() {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String p = password.toString();
            if (p.chars().anyMatch(Character::isLetter) && p.chars().anyMatch(Character::isDigit)) {
                return p;
            }
        }
    }
}
