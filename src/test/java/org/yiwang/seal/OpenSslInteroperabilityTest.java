package org.yiwang.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.IntegrationTest;

/**
 * OpenSSL 3 (an independent SM2 implementation) verifies the signatures the platform makes: a raw signature of the
 * {@link Signer}, and the signer's signature over TBS_Sign inside a sealed OFD, with signer ID 1234567812345678.
 */
@IntegrationTest
class OpenSslInteroperabilityTest {

    @Autowired
    Signer signer;
    @Autowired
    CertificateStore certificates;
    @Autowired
    DocumentSealing sealing;
    @TempDir
    Path dir;

    @Test
    void openSslVerifiesARawSignatureOfTheSigner() throws Exception {
        StoredCertificate certificate = certificates.ofDepartment(DocumentSealingTest.FUTIAN.value()).get(0);
        byte[] data = "一网通办 SM2 签名互通测试".getBytes(StandardCharsets.UTF_8);

        byte[] signature = signer.sign(certificate.keyId(), data);

        assertThat(openSslVerify(certificate.x509().getPublicKey(), data, signature)).isEqualTo("Verified OK");
        data[0] ^= 1;
        assertThat(openSslVerify(certificate.x509().getPublicKey(), data, signature)).isEqualTo("Verification failure");
    }

    @Test
    void openSslVerifiesTheSignerSignatureInsideASealedOfd() throws Exception {
        byte[] sealed = sealing.seal(DocumentSealingTest.FUTIAN, SealType.OFFICIAL, OfdFiles.document("OpenSSL"),
                DocumentSealingTest.AT);
        var entries = OfdFiles.entries(sealed);
        ASN1Sequence sesSignature = ASN1Sequence.getInstance(
                ASN1Primitive.fromByteArray(entries.get(OfdFiles.find(entries, "SignedValue.dat"))));
        byte[] toSign = sesSignature.getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER);
        byte[] signature = org.bouncycastle.asn1.ASN1BitString.getInstance(sesSignature.getObjectAt(3)).getOctets();
        byte[] certificate = org.bouncycastle.asn1.ASN1OctetString.getInstance(sesSignature.getObjectAt(1)).getOctets();

        assertThat(openSslVerify(Sm2.certificate(certificate).getPublicKey(), toSign, signature))
                .isEqualTo("Verified OK");
    }

    private String openSslVerify(PublicKey key, byte[] data, byte[] signature) throws IOException, InterruptedException {
        Path pub = dir.resolve("signer_pub.pem");
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(key);
        }
        Files.writeString(pub, pem.toString());
        Files.write(dir.resolve("data.bin"), data);
        Files.write(dir.resolve("sig.der"), signature);
        List<String> command = new ArrayList<>(List.of("openssl", "dgst", "-sm3", "-verify", pub.toString(),
                "-sigopt", "distid:1234567812345678", "-signature", dir.resolve("sig.der").toString(),
                dir.resolve("data.bin").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return output.lines().findFirst().orElse("");
    }
}
