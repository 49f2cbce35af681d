package org.yiwang.seal;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's own {@link Signer}: keys from {@link CertificateStore}, decrypted by {@link KeyVault} at first use
 * and then kept in memory by certificate id (a certificate's key never changes; whether a certificate may still sign
 * is checked by {@link DocumentSealing} at every use).
 */
class SoftwareSigner implements Signer {

    private static final int KEYS = 1_000;

    private final CertificateStore store;
    private final KeyVault vault;
    private final Map<String, Sm2.SigningKey> keys = new ConcurrentHashMap<>();

    SoftwareSigner(CertificateStore store, KeyVault vault) {
        this.store = store;
        this.vault = vault;
    }

    @Override
    public byte[] sign(String keyId, byte[] data) {
        Sm2.SigningKey key = keys.get(keyId);
        if (key == null) {
            byte[] pkcs8 = vault.decrypt(store.encryptedKey(UUID.fromString(keyId)));
            try {
                key = new Sm2.SigningKey(pkcs8);
            } finally {
                Arrays.fill(pkcs8, (byte) 0);
            }
            if (keys.size() >= KEYS) {
                keys.clear();
            }
            keys.put(keyId, key);
        }
        return key.sign(data);
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
