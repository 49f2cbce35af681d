package org.yiwang.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class Sm2Test {

    /** A reused signer starts every signature afresh: each verifies for its own data and for no other. */
    @Test
    void aSigningKeySignsOneMessageAfterAnother() {
        KeyPair pair = Sm2.generateKeyPair();
        Sm2.SigningKey key = new Sm2.SigningKey(pair.getPrivate().getEncoded());
        byte[] first = "第一份文件".getBytes(StandardCharsets.UTF_8);
        byte[] second = "第二份文件".getBytes(StandardCharsets.UTF_8);

        byte[] firstSignature = key.sign(first);
        byte[] secondSignature = key.sign(second);
        byte[] again = key.sign(first);

        assertThat(Sm2.verify(pair.getPublic(), first, firstSignature)).isTrue();
        assertThat(Sm2.verify(pair.getPublic(), second, secondSignature)).isTrue();
        assertThat(Sm2.verify(pair.getPublic(), first, again)).isTrue();
        assertThat(Sm2.verify(pair.getPublic(), second, firstSignature)).isFalse();
        assertThat(Sm2.verify(Sm2.generateKeyPair().getPublic(), first, firstSignature)).isFalse();
    }
}
