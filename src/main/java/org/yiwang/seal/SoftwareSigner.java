package org.yiwang.seal;

import java.security.PrivateKey;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's own {@link Signer}: keys from {@link CertificateStore}, decrypted by {@link KeyVault} per use. */
class SoftwareSigner implements Signer {

    private final CertificateStore store;
    private final KeyVault vault;

    SoftwareSigner(CertificateStore store, KeyVault vault) {
        this.store = store;
        this.vault = vault;
    }

    @Override
    public byte[] sign(String keyId, byte[] data) {
        byte[] pkcs8 = vault.decrypt(store.encryptedKey(UUID.fromString(keyId)));
        try {
            PrivateKey key = Sm2.privateKey(pkcs8);
            return Sm2.sign(key, data);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SignerConfiguration {

        @Bean
        @ConditionalOnMissingBean(Signer.class)
        Signer softwareSigner(CertificateStore store, KeyVault vault) {
            return new SoftwareSigner(store, vault);
        }
    }
}
