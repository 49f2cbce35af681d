package org.yiwang.identity.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PersonalDataProtectionTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder()
            .encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    private static final String ID = "11010519491231002X";

    private final PersonalDataProtection protection = new PersonalDataProtection(KEY);

    @Test
    void encryptsWithAFreshNonceAndDecryptsBack() {
        byte[] first = protection.encrypt(ID);
        byte[] second = protection.encrypt(ID);
        assertThat(first).isNotEqualTo(second).hasSize(1 + 12 + 18 + 16);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("110105").doesNotContain("1949");
        assertThat(protection.decrypt(first)).isEqualTo(ID);
        assertThat(protection.decrypt(second)).isEqualTo(ID);
    }

    @Test
    void refusesAlteredCiphertextAndAnotherKey() {
        byte[] sealed = protection.encrypt(ID);
        byte[] altered = sealed.clone();
        altered[20] ^= 1;
        assertThatThrownBy(() -> protection.decrypt(altered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PersonalDataProtection(OTHER_KEY).decrypt(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyedHashFindsEqualNumbersAndDependsOnTheKey() {
        assertThat(protection.hash(ID)).hasSize(32).isEqualTo(protection.hash(ID))
                .isNotEqualTo(protection.hash("110105194912310029"))
                .isNotEqualTo(new PersonalDataProtection(OTHER_KEY).hash(ID));
    }

    @Test
    void refusesToStartWithoutAKey() {
        assertThatThrownBy(() -> new PersonalDataProtection("")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("yiwang.identity.data-key");
        assertThatThrownBy(() -> new PersonalDataProtection(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PersonalDataProtection("not base64!")).isInstanceOf(IllegalStateException.class);
    }
}
