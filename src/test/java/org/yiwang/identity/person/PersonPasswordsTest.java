package org.yiwang.identity.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.yiwang.identity.IdentityError;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.IdNumber;

class PersonPasswordsTest {

    private static final IdNumber ID = IdNumber.of("11010519491231002X");
    private static final String MOBILE = "13812345678";

    @Test
    void acceptsLettersAndDigitsOfEightOrMore() {
        assertThatCode(() -> PersonPasswords.checkPolicy("abcd1234", "abcd1234", ID, MOBILE)).doesNotThrowAnyException();
        assertThatCode(() -> PersonPasswords.checkPolicy("张三Pass2026!", "张三Pass2026!", ID, MOBILE))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesWeakPasswordsWithTheReason() {
        refused("abc123", "abc123", IdentityError.IDENTITY_PASSWORD_TOO_SHORT);
        refused("abcdefghij", "abcdefghij", IdentityError.IDENTITY_PASSWORD_TOO_SIMPLE);
        refused("1234567890", "1234567890", IdentityError.IDENTITY_PASSWORD_TOO_SIMPLE);
        refused("x11010519491231002x", "x11010519491231002x", IdentityError.IDENTITY_PASSWORD_CONTAINS_PERSONAL_DATA);
        refused("pw13812345678", "pw13812345678", IdentityError.IDENTITY_PASSWORD_CONTAINS_PERSONAL_DATA);
        refused("abcd1234", "abcd12345", IdentityError.IDENTITY_PASSWORD_MISMATCH);
    }

    @Test
    void hashesWithArgon2idAndTheOwaspParameters() {
        PersonPasswords passwords = new PersonPasswords();
        String hash = passwords.hash("Citizen@2026");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        String[] parts = hash.split("\\$");
        assertThat(java.util.Base64.getDecoder().decode(parts[4] + "==".substring(0, (4 - parts[4].length() % 4) % 4)))
                .hasSize(16);
        assertThat(passwords.hash("Citizen@2026")).isNotEqualTo(hash);
        assertThat(passwords.matches("Citizen@2026", hash)).isTrue();
        assertThat(passwords.matches("Citizen@2027", hash)).isFalse();
    }

    private static void refused(String password, String confirmation, IdentityError expected) {
        assertThatThrownBy(() -> PersonPasswords.checkPolicy(password, confirmation, ID, MOBILE))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }
}
