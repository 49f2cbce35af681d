package org.yiwang.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.ofdrw.gm.ses.v1.SES_ESPictrueInfo;
import org.ofdrw.gm.ses.v1.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v1.SES_SealInfo;
import org.ofdrw.gm.ses.v1.SES_SignInfo;
import org.ofdrw.gm.ses.v1.SESeal;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.stamppos.NormalStampPos;
import org.ofdrw.sign.signContainer.SESV1Container;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.IntegrationTest;

/** Documents sealed elsewhere with GM/T 0031 (v1) seals, made here with ofdrw's own v1 container, verify too. */
@IntegrationTest
class GmT0031SignatureTest {

    @Autowired
    DocumentSealing sealing;
    @Autowired
    PlatformCa ca;

    @Test
    void aV1SignatureFromAnotherSystemIsVerifiedCompletely() throws Exception {
        byte[] sealed = v1Sealed(OfdFiles.document("GM/T 0031"));

        VerificationReport report = sealing.verify(sealed);

        assertThat(report.verdict()).as(report.toString()).isEqualTo(VerificationReport.Verdict.VALID);
        SignatureResult result = report.signatures().get(0);
        assertThat(result.format()).isEqualTo("SES_V1");
        assertThat(result.sealName()).isEqualTo("外部系统测试章");
        assertThat(result.signerName()).isEqualTo("外部签章测试局");
        assertThat(result.signedAt()).isNotNull();
        assertThat(result.checks()).extracting(Check::code).contains("SEAL_MAKER_SIGNATURE", "CERTIFICATE_CHAIN");
    }

    @Test
    void aChangedByteUnderAV1SignatureIsRefused() throws Exception {
        byte[] sealed = v1Sealed(OfdFiles.document("GM/T 0031 changed"));
        byte[] tampered = OfdFiles.changed(sealed, entries -> {
            String content = OfdFiles.find(entries, "Page_0/Content.xml");
            entries.put(content, new String(entries.get(content), StandardCharsets.UTF_8).replace("changed", "chanGed")
                    .getBytes(StandardCharsets.UTF_8));
        });

        SignatureResult result = sealing.verify(tampered).signatures().get(0);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstFailure()).get().extracting(Check::code).isEqualTo("DOCUMENT_HASH");
    }

    @Test
    void aDocumentWhoseSignatureProtectsEverythingCannotBeSealedAgain() throws Exception {
        byte[] locked = v1Sealed(OfdFiles.document("Whole"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sealing.seal(DocumentSealingTest.FUTIAN,
                        SealType.LICENCE, locked, DocumentSealingTest.AT))
                .isInstanceOfSatisfying(org.yiwang.shared.BusinessException.class,
                        e -> assertThat(e.error()).isEqualTo(SealError.SEAL_DOCUMENT_LOCKED));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sealing.seal(DocumentSealingTest.FUTIAN,
                        SealType.LICENCE, OfdFiles.document("one page"), new StampPosition(1, 10, 10, 40)))
                .isInstanceOfSatisfying(org.yiwang.shared.BusinessException.class,
                        e -> assertThat(e.error()).isEqualTo(SealError.SEAL_PAGE_OUT_OF_RANGE));
    }

    private byte[] v1Sealed(byte[] ofd) throws Exception {
        // ofdrw writes the v1 signing time as unzoned local text; a day's margin keeps it inside every validity.
        Instant from = Instant.now().minus(Duration.ofDays(1));
        Instant to = Instant.now().plus(Duration.ofDays(365));
        KeyPair signerKeys = Sm2.generateKeyPair();
        X509Certificate signer = ca.certify(PlatformCa.name("外部签章测试局", "11440300TEST00003X"),
                signerKeys.getPublic(), from, to);
        KeyPair makerKeys = Sm2.generateKeyPair();
        X509Certificate maker = ca.certify(PlatformCa.name("外部制章系统", null), makerKeys.getPublic(), from, to);

        ASN1EncodableVector certificates = new ASN1EncodableVector();
        certificates.add(new DEROctetString(signer.getEncoded()));
        SES_ESPropertyInfo property = new SES_ESPropertyInfo(SES_ESPropertyInfo.OrgType,
                new DERUTF8String("外部系统测试章"), new DERSequence(certificates), new ASN1UTCTime(Date.from(from)),
                new ASN1UTCTime(Date.from(from)), new ASN1UTCTime(Date.from(to)));
        SES_SealInfo info = new SES_SealInfo().setHeader(new SES_Header(new ASN1Integer(1), new DERIA5String("test")))
                .setEsID("EXT-V1-0001").setProperty(property)
                .setPicture(new SES_ESPictrueInfo().setType("PNG").setData(SealPicture.png("外部签章测试局", "测试章"))
                        .setWidth(40).setHeight(40));
        DEROctetString makerCertificate = new DEROctetString(maker.getEncoded());
        byte[] makerSignature = Sm2.sign(makerKeys.getPrivate(),
                SealMaker.makerSignedData(info, makerCertificate, GMObjectIdentifiers.sm2sign_with_sm3));
        SESeal seal = new SESeal(info, new SES_SignInfo().setCert(makerCertificate)
                .setSignatureAlgorithm(GMObjectIdentifiers.sm2sign_with_sm3).setSignData(makerSignature));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OFDSigner signer1 = new OFDSigner(new OFDReader(new ByteArrayInputStream(ofd)), out)) {
            signer1.setSignMode(org.ofdrw.sign.SignMode.WholeProtected)
                    .setSignContainer(new SESV1Container(signerKeys.getPrivate(), seal, signer));
            signer1.addApPos(new NormalStampPos(1, 50, 50, 40, 40));
            signer1.exeSign();
        }
        return out.toByteArray();
    }
}
