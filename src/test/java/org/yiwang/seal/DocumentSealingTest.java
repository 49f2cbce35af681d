package org.yiwang.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ofdrw.reader.OFDReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;

@IntegrationTest
class DocumentSealingTest {

    static final CreditCode FUTIAN = CreditCode.of("11440304007550312P");
    static final CreditCode NANSHAN = CreditCode.of("1144030500755089XE");
    static final StampPosition AT = new StampPosition(0, 120, 200, 42);

    @Autowired
    DocumentSealing sealing;
    @Autowired
    SealRegistry registry;
    @Autowired
    PlatformCa ca;
    @Autowired
    CertificateStore certificates;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SealMaker maker;
    @Autowired
    MessageSource messages;

    @Test
    void sealsWithTheDepartmentsLicenceSealAndVerifiesCompletely() throws Exception {
        long usesBefore = registry.active(FUTIAN.value(), SealType.LICENCE).orElseThrow().useCount();

        byte[] sealed = sealing.seal(FUTIAN, SealType.LICENCE, OfdFiles.document("Licence 2026-001"), AT);

        VerificationReport report = sealing.verify(sealed);
        assertThat(report.verdict()).isEqualTo(VerificationReport.Verdict.VALID);
        SignatureResult signature = report.signatures().get(0);
        assertThat(signature.format()).isEqualTo("SES_V4");
        assertThat(signature.sealName()).isEqualTo("深圳市福田区民政局电子证照专用章");
        assertThat(signature.signerName()).isEqualTo("深圳市福田区民政局");
        assertThat(signature.signedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(signature.checks()).extracting(Check::code).containsExactly("DOCUMENT_HASH", "SEAL_MATCH",
                "SIGNER_SIGNATURE", "SEAL_MAKER_SIGNATURE", "SEAL_BINDING", "SEAL_VALIDITY", "SEAL_STATUS",
                "CERTIFICATE_VALIDITY", "CERTIFICATE_CHAIN", "REVOCATION");
        assertThat(signature.checks()).allMatch(Check::passed);
        assertThat(registry.active(FUTIAN.value(), SealType.LICENCE).orElseThrow().useCount())
                .isEqualTo(usesBefore + 1);
        byte[] signed = OfdFiles.entries(sealed).get("Doc_0/Signs/Sign_0/Signature.xml");
        assertThat(jdbc.sql("SELECT count(*) FROM seal_use WHERE signed_hash = :h")
                .param("h", Sm2.sm3Hex(signed)).query(Integer.class).single()).isEqualTo(1);

        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(sealed))) {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            assertThat(reader.hasSignature()).isTrue();
            var records = reader.getDefaultSignatures().getSignatures();
            assertThat(records).hasSize(1);
            org.ofdrw.core.signatures.sig.Signature signatureXml = reader.getResourceLocator()
                    .get(records.get(0).getBaseLoc(), org.ofdrw.core.signatures.sig.Signature::new);
            var stamp = signatureXml.getSignedInfo().getStampAnnots().get(0);
            assertThat(stamp.getPageRef().toString()).isEqualTo(reader.getPageObjectId(1).toString());
            assertThat(stamp.getBoundary().getWidth()).isEqualTo(42.0);
            assertThat(signatureXml.getSignedInfo().getReferences().getCheckMethod()).isIn("SM3", "1.2.156.10197.1.401");
        }
    }

    @Test
    void aDocumentSealedTwiceVerifiesBothSeals() {
        byte[] once = sealing.seal(FUTIAN, SealType.OFFICIAL, OfdFiles.document("Twice"), AT);
        byte[] twice = sealing.seal(NANSHAN, SealType.OFFICIAL, once, new StampPosition(0, 20, 200, 40));

        VerificationReport report = sealing.verify(twice);

        assertThat(report.verdict()).as(report.toString()).isEqualTo(VerificationReport.Verdict.VALID);
        assertThat(report.signatures()).extracting(SignatureResult::signerName)
                .containsExactly("深圳市福田区民政局", "深圳市南山区民政局");
    }

    @Test
    void aChangedByteInTheDocumentFailsTheDocumentHash() {
        byte[] sealed = sealing.seal(FUTIAN, SealType.OFFICIAL, OfdFiles.document("Notice"), AT);
        byte[] tampered = OfdFiles.changed(sealed, entries -> {
            String content = OfdFiles.find(entries, "Page_0/Content.xml");
            byte[] bytes = entries.get(content).clone();
            String text = new String(bytes, StandardCharsets.UTF_8).replace("Notice", "Nutice");
            entries.put(content, text.getBytes(StandardCharsets.UTF_8));
        });

        SignatureResult result = only(sealing.verify(tampered), VerificationReport.Verdict.INVALID);

        assertThat(result.firstFailure()).get().satisfies(check -> {
            assertThat(check.code()).isEqualTo("DOCUMENT_HASH");
            assertThat(check.message()).contains("Content.xml").contains("篡改");
        });
    }

    @Test
    void aSwappedSealFileIsRefused() {
        byte[] sealed = sealing.seal(FUTIAN, SealType.OFFICIAL, OfdFiles.document("Swap"), AT);
        byte[] otherSeal = registry.active(NANSHAN.value(), SealType.OFFICIAL).orElseThrow().seseal();
        byte[] swapped = OfdFiles.changed(sealed, entries -> entries.put(OfdFiles.find(entries, "Seal.esl"), otherSeal));

        SignatureResult result = only(sealing.verify(swapped), VerificationReport.Verdict.INVALID);

        assertThat(failed(result)).contains("SEAL_MATCH");
        assertThat(check(result, "SEAL_MATCH").message()).contains("印章已被替换");
        assertThat(check(result, "SIGNER_SIGNATURE").passed()).isTrue();
    }

    @Test
    void anExpiredSigningCertificateIsRefused() {
        Instant now = Instant.now();
        StoredCertificate expired = ca.issueSigner("过期测试局", "11440300TEST00001X", now.minus(Duration.ofDays(400)),
                now.minus(Duration.ofDays(1)));
        Seal seal = registry.create("11440300TEST00001X", "过期测试局", SealType.OFFICIAL, expired,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));

        byte[] sealed = sealing.sign(seal, expired, OfdFiles.document("Expired"), AT, now);
        SignatureResult result = only(sealing.verify(sealed), VerificationReport.Verdict.INVALID);

        assertThat(failed(result)).containsExactly("CERTIFICATE_VALIDITY");
        assertThat(check(result, "CERTIFICATE_VALIDITY").message()).contains("已于").contains("过期");
    }

    @Test
    void aRevokedSigningCertificateIsRefused() {
        Instant now = Instant.now();
        StoredCertificate certificate = ca.issueSigner("吊销测试局", "11440300TEST00002X",
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(365)));
        Seal seal = registry.create("11440300TEST00002X", "吊销测试局", SealType.OFFICIAL, certificate,
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(365)));
        byte[] sealed = sealing.sign(seal, certificate, OfdFiles.document("Revoked"), AT, now);
        assertThat(sealing.verify(sealed).verdict()).isEqualTo(VerificationReport.Verdict.VALID);

        certificates.revoke(certificate.id(), Instant.now(), "私钥泄露");
        SignatureResult result = only(sealing.verify(sealed), VerificationReport.Verdict.INVALID);

        assertThat(failed(result)).containsExactly("REVOCATION");
        assertThat(check(result, "REVOCATION").message()).contains("吊销").contains("私钥泄露");
    }

    @Test
    void aSealWhoseCertificateIsRevokedOrExpiredCannotSeal() {
        Instant now = Instant.now();
        CreditCode revokedDepartment = CreditCode.of("11440304007990019M");
        StoredCertificate revoked = ca.issueSigner("证书吊销测试局", revokedDepartment.value(),
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(365)));
        registry.create(revokedDepartment.value(), "证书吊销测试局", SealType.OFFICIAL, revoked,
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(365)));
        certificates.revoke(revoked.id(), now, "私钥泄露");
        CreditCode expiredDepartment = CreditCode.of("11440304007990027G");
        StoredCertificate expired = ca.issueSigner("证书过期测试局", expiredDepartment.value(),
                now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        registry.create(expiredDepartment.value(), "证书过期测试局", SealType.OFFICIAL, expired,
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(365)));

        for (CreditCode department : List.of(revokedDepartment, expiredDepartment)) {
            assertThatThrownBy(() -> sealing.seal(department, SealType.OFFICIAL, OfdFiles.document("Refused"), AT))
                    .isInstanceOfSatisfying(BusinessException.class, e -> {
                        assertThat(e.error()).isEqualTo(department == revokedDepartment
                                ? SealError.SEAL_SIGNER_REVOKED : SealError.SEAL_SIGNER_EXPIRED);
                        assertThat(messages.getMessage("error." + e.error().code(), e.args(), Locale.CHINA))
                                .contains("部门 " + department.value() + " 的公章绑定的签章证书")
                                .contains(department == revokedDepartment ? "吊销" : "过期")
                                .contains("不能盖章");
                    });
        }
    }

    @Test
    void somethingElseThanAnOfdIsNotSealed() {
        long usesBefore = registry.active(FUTIAN.value(), SealType.LICENCE).orElseThrow().useCount();
        byte[] noOfdXml = OfdFiles.changed(OfdFiles.document("No root"), files -> files.remove("OFD.xml"));

        for (byte[] document : List.of("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), noOfdXml)) {
            assertThatThrownBy(() -> sealing.seal(FUTIAN, SealType.LICENCE, document, AT))
                    .isInstanceOfSatisfying(BusinessException.class,
                            e -> assertThat(e.error()).isEqualTo(SealError.SEAL_DOCUMENT_UNREADABLE));
        }
        assertThat(registry.active(FUTIAN.value(), SealType.LICENCE).orElseThrow().useCount()).isEqualTo(usesBefore);
    }

    @Test
    void aRevokedSealIsRefusedAndCannotSealAnyMore() {
        Seal approval = registry.active(NANSHAN.value(), SealType.APPROVAL).orElseGet(() -> {
            StoredCertificate certificate = certificates.ofDepartment(NANSHAN.value()).get(0);
            return registry.create(NANSHAN.value(), "深圳市南山区民政局", SealType.APPROVAL, certificate,
                    certificate.notBefore(), certificate.notAfter());
        });
        byte[] sealed = sealing.seal(NANSHAN, SealType.APPROVAL, OfdFiles.document("Approval"), AT);

        registry.changeStatus(approval.id(), SealStatus.REVOKED, "印章更换", "test");
        SignatureResult result = only(sealing.verify(sealed), VerificationReport.Verdict.INVALID);

        assertThat(failed(result)).containsExactly("SEAL_STATUS");
        assertThat(check(result, "SEAL_STATUS").message()).contains("注销").contains("印章更换");
        assertThatThrownBy(() -> sealing.seal(NANSHAN, SealType.APPROVAL, OfdFiles.document("Again"), AT))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.error()).isEqualTo(SealError.SEAL_NOT_AVAILABLE));
    }

    @Test
    void aSealListingCertificateDigestsBindsTheSignerByDigest() throws Exception {
        Instant now = Instant.now();
        StoredCertificate certificate = ca.issueSigner("摘要测试局", "11440300TEST00004X", now.minusSeconds(300),
                now.plus(Duration.ofDays(30)));
        StoredCertificate stranger = ca.issueSigner("他人测试局", "11440300TEST00005X", now.minusSeconds(300),
                now.plus(Duration.ofDays(30)));
        for (StoredCertificate listed : List.of(certificate, stranger)) {
            var digests = new org.ofdrw.gm.ses.v4.CertDigestList(new org.ofdrw.gm.ses.v4.CertDigestObj[] {
                    new org.ofdrw.gm.ses.v4.CertDigestObj().setType("SM3").setValue(Sm2.sm3(listed.der()))});
            byte[] seseal = maker.make("DIGEST-" + listed.id(), "摘要测试章", SealPicture.png("摘要测试局", "测试章"),
                    org.ofdrw.gm.ses.v4.SES_ESPropertyInfo.CertDigestListType,
                    new org.ofdrw.gm.ses.v4.SES_CertList(digests), now.minusSeconds(300), now.plus(Duration.ofDays(30)))
                    .getEncoded();
            Seal seal = new Seal("DIGEST-" + listed.id(), "11440300TEST00004X", SealType.OFFICIAL, "摘要测试章",
                    certificate.id(), new byte[0], seseal, now.minusSeconds(300), now.plus(Duration.ofDays(30)),
                    SealStatus.ACTIVE, null, null, 0);

            VerificationReport report = sealing.verify(sealing.sign(seal, certificate, OfdFiles.document("Digest"),
                    AT, now));

            if (listed == certificate) {
                assertThat(report.verdict()).as(report.toString()).isEqualTo(VerificationReport.Verdict.VALID);
            } else {
                assertThat(failed(report.signatures().get(0))).containsExactly("SEAL_BINDING");
            }
        }
    }

    @Test
    void aSealSuspendedAfterSigningLeavesTheSignatureValidButNotBefore() {
        Instant now = Instant.now();
        StoredCertificate certificate = ca.issueSigner("暂停测试局", "11440300TEST00007X", now.minusSeconds(300),
                now.plus(Duration.ofDays(30)));
        Seal seal = registry.create("11440300TEST00007X", "暂停测试局", SealType.OFFICIAL, certificate,
                now.minusSeconds(300), now.plus(Duration.ofDays(30)));
        byte[] before = sealing.sign(seal, certificate, OfdFiles.document("Before"), AT, now.minusSeconds(60));

        registry.changeStatus(seal.id(), SealStatus.SUSPENDED, "印章核查", "test");
        byte[] after = sealing.sign(seal, certificate, OfdFiles.document("After"), AT, Instant.now().plusSeconds(1));

        SignatureResult valid = only(sealing.verify(before), VerificationReport.Verdict.VALID);
        assertThat(check(valid, "SEAL_STATUS").message()).contains("签章时印章").contains("暂停使用");
        SignatureResult invalid = only(sealing.verify(after), VerificationReport.Verdict.INVALID);
        assertThat(failed(invalid)).containsExactly("SEAL_STATUS");
        assertThat(check(invalid, "SEAL_STATUS").message()).contains("已暂停使用").contains("印章核查");
    }

    @Test
    void unreadableAndUnsignedDocumentsAreReportedNotThrown() {
        assertThat(sealing.verify("not an OFD".getBytes(StandardCharsets.UTF_8)).verdict())
                .isEqualTo(VerificationReport.Verdict.UNREADABLE);
        assertThat(sealing.verify(new byte[0]).verdict()).isEqualTo(VerificationReport.Verdict.UNREADABLE);
        assertThat(sealing.verify(OfdFiles.document("Unsigned")).verdict())
                .isEqualTo(VerificationReport.Verdict.UNSIGNED);
    }

    @Test
    void aDepartmentWithoutSuchSealCannotSeal() {
        assertThatThrownBy(() -> sealing.seal(FUTIAN, SealType.APPROVAL, OfdFiles.document("x"), AT))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.error()).isEqualTo(SealError.SEAL_NOT_AVAILABLE));
    }

    private static SignatureResult only(VerificationReport report, VerificationReport.Verdict verdict) {
        assertThat(report.verdict()).isEqualTo(verdict);
        assertThat(report.signatures()).hasSize(1);
        return report.signatures().get(0);
    }

    private static List<String> failed(SignatureResult result) {
        return result.checks().stream().filter(c -> !c.passed()).map(Check::code).toList();
    }

    private static Check check(SignatureResult result, String code) {
        return result.checks().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    static Map<String, byte[]> entries(byte[] ofd) {
        return OfdFiles.entries(ofd);
    }
}
