package org.yiwang.seal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The platform CA (平台电子印章 CA, SM2 with SM3): a self-signed root created at first use, the platform's seal-maker
 * certificate (制章者证书) and departments' signing certificates, all issued through the {@link Signer}. Revoking a
 * certificate puts it on the CA's revocation list (the {@code revoked_at} column).
 */
@Component
class PlatformCa {

    static final String ROOT_NAME = "一网通办平台电子印章根CA";
    static final String MAKER_NAME = "一网通办平台电子印章制章系统";
    private static final String ORGANISATION = "一网通办平台";
    private static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);
    private static final Duration MAKER_VALIDITY = Duration.ofDays(10 * 365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertificateStore store;
    private final KeyVault vault;
    private final Signer signer;

    PlatformCa(CertificateStore store, KeyVault vault, Signer signer) {
        this.store = store;
        this.vault = vault;
        this.signer = signer;
    }

    /** The root certificate, created with its key on first call. */
    StoredCertificate root() {
        return store.platform(CertificateKind.ROOT).orElseGet(() -> {
            KeyPair pair = Sm2.generateKeyPair();
            X500Name name = name(ROOT_NAME, null);
            Instant now = Instant.now();
            try {
                ContentSigner selfSigner = new JcaContentSignerBuilder(Sm2.SIGNATURE_ALGORITHM).setProvider(Sm2.BC)
                        .build(pair.getPrivate());
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                        Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(ROOT_VALIDITY)), name,
                        pair.getPublic());
                JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                        .addExtension(Extension.subjectKeyIdentifier, false,
                                utils.createSubjectKeyIdentifier(pair.getPublic()));
                X509Certificate certificate = new JcaX509CertificateConverter().setProvider(Sm2.BC)
                        .getCertificate(builder.build(selfSigner));
                store.insert(UUID.randomUUID(), CertificateKind.ROOT, null, certificate,
                        vault.encrypt(pair.getPrivate().getEncoded()), false);
            } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
                throw new IllegalStateException("cannot create the platform root certificate", e);
            }
            return store.platform(CertificateKind.ROOT).orElseThrow();
        });
    }

    /** The seal maker's certificate, issued on first call. */
    StoredCertificate maker() {
        return store.platform(CertificateKind.MAKER).orElseGet(() -> {
            Instant now = Instant.now();
            issue(CertificateKind.MAKER, name(MAKER_NAME, null), null, now.minus(Duration.ofMinutes(5)),
                    now.plus(MAKER_VALIDITY));
            return store.platform(CertificateKind.MAKER).orElseThrow();
        });
    }

    /** Issues a department's signing certificate valid from {@code notBefore} to {@code notAfter}. */
    StoredCertificate issueSigner(String departmentName, String creditCode, Instant notBefore, Instant notAfter) {
        return issue(CertificateKind.SIGNER, name(departmentName, creditCode), creditCode, notBefore, notAfter);
    }

    private StoredCertificate issue(CertificateKind kind, X500Name subject, @Nullable String departmentCode,
            Instant notBefore, Instant notAfter) {
        StoredCertificate root = root();
        X509Certificate issuer = root.x509();
        KeyPair pair = Sm2.generateKeyPair();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(),
                    Date.from(notBefore), Date.from(notAfter), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(issuer));
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(Sm2.BC)
                    .getCertificate(builder.build(Sm2.contentSigner(signer, root.keyId())));
            UUID id = UUID.randomUUID();
            store.insert(id, kind, departmentCode, certificate, vault.encrypt(pair.getPrivate().getEncoded()), false);
            return store.find(id).orElseGet(() -> store.platform(kind).orElseThrow());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot issue a certificate", e);
        }
    }

    private static X500Name name(String commonName, @Nullable String creditCode) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, creditCode == null ? ORGANISATION : commonName);
        if (creditCode != null) {
            builder.addRDN(BCStyle.ORGANIZATION_IDENTIFIER, creditCode);
        }
        return builder.addRDN(BCStyle.CN, commonName).build();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).setBit(63);
    }
}
