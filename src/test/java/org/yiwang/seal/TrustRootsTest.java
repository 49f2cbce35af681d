package org.yiwang.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.yiwang.IntegrationTest;

/** Certificates chain to the platform root or to a root configured in {@code yiwang.seal.trust-roots}. */
@IntegrationTest
class TrustRootsTest {

    @Autowired
    PlatformCa ca;
    @Autowired
    TrustRoots platformOnly;

    @Test
    void aConfiguredRootIsTrustedBesideThePlatformRoot() throws Exception {
        KeyPair rootKeys = Sm2.generateKeyPair();
        var rootName = PlatformCa.name("外部测试根CA", null);
        X509Certificate externalRoot = certificate(rootName, rootKeys, rootName, rootKeys);
        KeyPair leafKeys = Sm2.generateKeyPair();
        X509Certificate leaf = certificate(PlatformCa.name("外部测试局", "11440300TEST00006X"), leafKeys, rootName,
                rootKeys);
        TrustRoots configured = new TrustRoots(ca, new SealProperties(List.of(new ByteArrayResource(
                pem(externalRoot).getBytes(StandardCharsets.US_ASCII), "test root")), null));

        assertThat(platformOnly.issuerOf(leaf)).isEmpty();
        assertThat(configured.issuerOf(leaf)).contains(externalRoot);
        assertThat(configured.issuerOf(ca.maker().x509())).contains(ca.root().x509());
    }

    private static X509Certificate certificate(org.bouncycastle.asn1.x500.X500Name subject, KeyPair subjectKeys,
            org.bouncycastle.asn1.x500.X500Name issuer, KeyPair issuerKeys) throws Exception {
        var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(System.nanoTime()),
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(3600)), subject,
                subjectKeys.getPublic());
        return new JcaX509CertificateConverter().setProvider(Sm2.BC).getCertificate(builder.build(
                new JcaContentSignerBuilder(Sm2.SIGNATURE_ALGORITHM).setProvider(Sm2.BC).build(issuerKeys.getPrivate())));
    }

    private static String pem(X509Certificate certificate) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        }
        return out.toString();
    }
}
