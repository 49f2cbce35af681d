package org.yiwang.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.StaffLogin;

@IntegrationTest
class SealPagesTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    SealRegistry registry;
    @Autowired
    PlatformCa ca;
    @Autowired
    DocumentSealing sealing;
    @Autowired
    CertificateStore certificates;
    @Autowired
    Signer signer;
    @LocalServerPort
    int port;

    @Test
    void aDepartmentAdministratorSeesOnlyTheirSealsWithPictures() throws Exception {
        StaffLogin.Session admin = StaffLogin.session(context, port, "ft-admin");
        Seal futian = registry.active(DocumentSealingTest.FUTIAN.value(), SealType.LICENCE).orElseThrow();
        Seal nanshan = registry.active(DocumentSealingTest.NANSHAN.value(), SealType.OFFICIAL).orElseThrow();

        HttpResponse<String> page = admin.page("/admin/seals");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("深圳市福田区民政局电子证照专用章", futian.id(), "平台 CA 签发")
                .doesNotContain(nanshan.id()).doesNotContain("南山区民政局公章");
        HttpResponse<byte[]> picture = bytes(admin, "/admin/seals/" + futian.id() + "/picture");
        assertThat(picture.statusCode()).isEqualTo(200);
        assertThat(picture.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(picture.body()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(bytes(admin, "/admin/seals/" + nanshan.id() + "/picture").statusCode()).isEqualTo(404);
        assertThat(admin.postForm("/admin/seals/" + nanshan.id() + "/status",
                Map.of("to", "SUSPENDED", "reason", "不是我的")).statusCode()).isEqualTo(404);
        assertThat(registry.find(nanshan.id()).orElseThrow().status()).isEqualTo(SealStatus.ACTIVE);
    }

    @Test
    void staffWhoAreNotAdministratorsCannotManageSeals() {
        StaffLogin.Session clerk = StaffLogin.session(context, port, "ft-clerk");
        Seal seal = registry.active(DocumentSealingTest.FUTIAN.value(), SealType.OFFICIAL).orElseThrow();

        assertThat(clerk.page("/admin/seals").statusCode()).isEqualTo(403);
        assertThat(clerk.postForm("/admin/seals/" + seal.id() + "/status",
                Map.of("to", "REVOKED", "reason", "试试")).statusCode()).isEqualTo(403);
        assertThat(registry.find(seal.id()).orElseThrow().status()).isEqualTo(SealStatus.ACTIVE);
    }

    @Test
    void theUseLogShowsEveryUseWithWhoAndWhy() {
        byte[] sealed = sealing.seal(DocumentSealingTest.FUTIAN, SealType.LICENCE, OfdFiles.document("Use log"),
                DocumentSealingTest.AT, "licences", "结婚证电子证照签发");
        Seal seal = registry.active(DocumentSealingTest.FUTIAN.value(), SealType.LICENCE).orElseThrow();
        Seal nanshan = registry.active(DocumentSealingTest.NANSHAN.value(), SealType.OFFICIAL).orElseThrow();
        StaffLogin.Session admin = StaffLogin.session(context, port, "ft-admin");

        HttpResponse<String> log = admin.page("/admin/seals/" + seal.id() + "/uses");

        assertThat(log.statusCode()).isEqualTo(200);
        byte[] signed = OfdFiles.entries(sealed).get("Doc_0/Signs/Sign_0/Signature.xml");
        assertThat(log.body()).contains(Sm2.sm3Hex(signed), "licences", "结婚证电子证照签发");
        assertThat(admin.page("/admin/seals/" + nanshan.id() + "/uses").statusCode()).isEqualTo(404);
    }

    @Test
    void aSealIsSuspendedWithAReasonAndReactivated() {
        StaffLogin.Session admin = StaffLogin.session(context, port, "ft-admin");
        Seal seal = registry.active(DocumentSealingTest.FUTIAN.value(), SealType.OFFICIAL).orElseThrow();
        String path = "/admin/seals/" + seal.id() + "/status";

        HttpResponse<String> noReason = admin.postForm(path, Map.of("to", "SUSPENDED", "reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("请填写原因");

        assertThat(admin.postForm(path, Map.of("to", "SUSPENDED", "reason", "印章核查")).statusCode()).isEqualTo(302);
        assertThat(registry.find(seal.id()).orElseThrow().status()).isEqualTo(SealStatus.SUSPENDED);
        assertThat(admin.page("/admin/seals").body()).contains("暂停使用").contains("印章核查");
        assertThat(registry.active(DocumentSealingTest.FUTIAN.value(), SealType.OFFICIAL)).isEmpty();

        assertThat(admin.postForm(path, Map.of("to", "ACTIVE", "reason", "核查完毕")).statusCode()).isEqualTo(302);
        assertThat(registry.find(seal.id()).orElseThrow().status()).isEqualTo(SealStatus.ACTIVE);
    }

    @Test
    void anImportedCertificateAndKeyMakeNewSealsAndTheKeyIsNeverShown() throws Exception {
        StaffLogin.Session admin = StaffLogin.session(context, port, "admin");
        String department = "11440300007542144J";
        KeyPair pair = Sm2.generateKeyPair();
        Instant now = Instant.now();
        var certificate = ca.certify(PlatformCa.name("外部测试局", department), pair.getPublic(),
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(365)));
        String certificatePem = pem(certificate);
        String keyPem = pem(new JcaPKCS8Generator(pair.getPrivate(), null));
        String otherKeyPem = pem(new JcaPKCS8Generator(Sm2.generateKeyPair().getPrivate(), null));

        HttpResponse<String> mismatch = admin.postForm("/admin/seals/import",
                Map.of("department", department, "certificate", certificatePem, "privateKey", otherKeyPem));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("私钥与证书的公钥不匹配");

        HttpResponse<String> imported = admin.postForm("/admin/seals/import",
                Map.of("department", department, "certificate", certificatePem, "privateKey", keyPem));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);

        Seal seal = registry.active(department, SealType.OFFICIAL).orElseThrow();
        byte[] sealed = sealing.seal(org.yiwang.shared.CreditCode.of(department), SealType.OFFICIAL,
                OfdFiles.document("Imported"), DocumentSealingTest.AT);
        SignatureResult result = sealing.verify(sealed).signatures().get(0);
        assertThat(result.valid()).as(result.checks().toString()).isTrue();
        assertThat(result.sealId()).isEqualTo(seal.id());
        assertThat(result.signerName()).isEqualTo("外部测试局");

        HttpResponse<String> again = admin.postForm("/admin/seals/import",
                Map.of("department", department, "certificate", certificatePem, "privateKey", keyPem));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("SEAL_IMPORT_DUPLICATE", "已导入，无需重复导入");
        assertThat(registry.active(department, SealType.OFFICIAL).orElseThrow().id()).isEqualTo(seal.id());

        String page = admin.page("/admin/seals").body();
        assertThat(page).contains("外部 CA 签发");
        String keyBody = keyPem.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
        for (String output : new String[] {page, imported.body(), mismatch.body()}) {
            assertThat(output).doesNotContain("PRIVATE KEY").doesNotContain(keyBody.substring(0, 40))
                    .doesNotContain(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()).substring(0, 40));
        }
    }

    @Test
    void aRevokedCertificateStopsItsSealsAndFailsItsSignatures() {
        String department = "11440300007542216B";
        Instant now = Instant.now();
        StoredCertificate certificate = ca.issueSigner("深圳市测试审批局", department, now.minusSeconds(300),
                now.plus(Duration.ofDays(30)));
        registry.create(department, "深圳市测试审批局", SealType.APPROVAL, certificate, certificate.notBefore(),
                certificate.notAfter());
        var code = org.yiwang.shared.CreditCode.of(department);
        byte[] sealed = sealing.seal(code, SealType.APPROVAL, OfdFiles.document("Before revocation"),
                DocumentSealingTest.AT);
        String path = "/admin/seals/certificates/" + certificate.id() + "/revoke";

        StaffLogin.Session other = StaffLogin.session(context, port, "ft-admin");
        assertThat(other.postForm(path, Map.of("reason", "不是我的")).statusCode()).isEqualTo(404);
        StaffLogin.Session admin = StaffLogin.session(context, port, "admin");
        assertThat(admin.postForm(path, Map.of("reason", "")).statusCode()).isEqualTo(400);
        assertThat(admin.postForm(path, Map.of("reason", "密钥介质遗失")).statusCode()).isEqualTo(302);

        assertThat(admin.page("/admin/seals").body()).contains("吊销（密钥介质遗失）");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sealing.seal(code, SealType.APPROVAL,
                OfdFiles.document("After revocation"), DocumentSealingTest.AT))
                .isInstanceOfSatisfying(org.yiwang.shared.BusinessException.class,
                        e -> assertThat(e.error()).isEqualTo(SealError.SEAL_SIGNER_REVOKED));
        SignatureResult result = sealing.verify(sealed).signatures().get(0);
        assertThat(result.firstFailure()).get().satisfies(check -> {
            assertThat(check.code()).isEqualTo("REVOCATION");
            assertThat(check.message()).contains("密钥介质遗失");
        });
    }

    @Test
    void aSelfSignedCertificateIsNotImported() throws Exception {
        StaffLogin.Session admin = StaffLogin.session(context, port, "ft-admin");
        KeyPair pair = Sm2.generateKeyPair();
        var name = PlatformCa.name("自签名测试", "11440304007550312P");
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, java.math.BigInteger.TEN,
                java.util.Date.from(Instant.now().minusSeconds(60)), java.util.Date.from(Instant.now().plusSeconds(3600)),
                name, pair.getPublic());
        var selfSigned = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().setProvider(Sm2.BC).getCertificate(builder.build(
                new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder(Sm2.SIGNATURE_ALGORITHM)
                        .setProvider(Sm2.BC).build(pair.getPrivate())));

        HttpResponse<String> answer = admin.postForm("/admin/seals/import", Map.of("certificate", pem(selfSigned),
                "privateKey", pem(new JcaPKCS8Generator(pair.getPrivate(), null))));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("不是由受信任的根证书签发");
    }

    /**
     * Certificates the import refuses, each for one reason with its code and Chinese text (the key always matches);
     * nothing is stored and no seal is made.
     */
    @Test
    void certificatesNotFitForTheDepartmentsSealsAreRefusedWithTheirReason() throws Exception {
        StaffLogin.Session admin = StaffLogin.session(context, port, "admin");
        String department = "11440300007542144J";
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofMinutes(5));
        Instant to = now.plus(Duration.ofDays(365));
        X500Name own = PlatformCa.name("外部测试局", department);
        KeyPair sm2 = Sm2.generateKeyPair();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC", Sm2.BC);
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair p256 = ec.generateKeyPair();
        record Refusal(X509Certificate certificate, KeyPair key, int status, String code, String text) {
        }
        List<Refusal> refusals = List.of(
                new Refusal(ca.certify(PlatformCa.name("深圳市福田区民政局", "11440304007550312P"), sm2.getPublic(), from,
                        to), sm2, 400, "SEAL_IMPORT_OTHER_SUBJECT", "证书主体不是该部门"),
                new Refusal(rootSigned(own, sm2, from, to, new Extension(Extension.basicConstraints, true,
                        new BasicConstraints(0).getEncoded())), sm2, 400, "SEAL_IMPORT_CA_CERTIFICATE", "这是 CA 证书"),
                new Refusal(rootSigned(own, sm2, from, to, new Extension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyEncipherment).getEncoded())), sm2, 400, "SEAL_IMPORT_KEY_USAGE",
                        "密钥用法不含数字签名或不可否认"),
                new Refusal(ca.certify(own, p256.getPublic(), from, to), p256, 400, "SEAL_IMPORT_NOT_SM2",
                        "不是 SM2 公钥"),
                new Refusal(ca.certify(own, sm2.getPublic(), now.minus(Duration.ofDays(30)),
                        now.minus(Duration.ofDays(1))), sm2, 400, "SEAL_IMPORT_NOT_VALID_NOW", "当前不在有效期内"));
        int seals = registry.list(department).size();
        int stored = certificates.signers(department).size();

        for (Refusal r : refusals) {
            HttpResponse<String> answer = admin.postForm("/admin/seals/import", Map.of("department", department,
                    "certificate", pem(r.certificate()), "privateKey", pem(new JcaPKCS8Generator(r.key().getPrivate(),
                            null))));
            assertThat(answer.statusCode()).as(r.code()).isEqualTo(r.status());
            assertThat(answer.body()).as(r.code()).contains(r.code(), r.text());
        }
        HttpResponse<String> badDepartment = admin.postForm("/admin/seals/import", Map.of("department", "1144030000754",
                "certificate", pem(ca.certify(own, sm2.getPublic(), from, to)), "privateKey",
                pem(new JcaPKCS8Generator(sm2.getPrivate(), null))));
        assertThat(badDepartment.statusCode()).isEqualTo(400);
        assertThat(badDepartment.body()).contains("INVALID_CREDIT_CODE", "统一社会信用代码“1144030000754”无效");
        HttpResponse<String> missing = admin.postForm("/admin/seals/import", Map.of("department", department,
                "privateKey", pem(new JcaPKCS8Generator(sm2.getPrivate(), null))));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("INVALID_PARAMETER", "参数“certificate”缺失或格式不正确");
        HttpResponse<String> badId = admin.postForm("/admin/seals/certificates/not-an-id/revoke",
                Map.of("reason", "测试"));
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("INVALID_PARAMETER", "参数“id”缺失或格式不正确");

        assertThat(registry.list(department)).hasSize(seals);
        assertThat(certificates.signers(department)).hasSize(stored);
    }

    /** A certificate signed by the platform root with exactly the extensions given. */
    private X509Certificate rootSigned(X500Name subject, KeyPair key, Instant from, Instant to,
            Extension... extensions) throws Exception {
        StoredCertificate root = ca.root();
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(root.x509(),
                java.math.BigInteger.valueOf(System.nanoTime()), java.util.Date.from(from), java.util.Date.from(to),
                subject, key.getPublic());
        for (Extension extension : extensions) {
            builder.addExtension(extension);
        }
        return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().setProvider(Sm2.BC)
                .getCertificate(builder.build(Sm2.contentSigner(signer, root.keyId())));
    }

    private static String pem(Object object) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object instanceof JcaPKCS8Generator g ? g.generate() : object);
        }
        return out.toString();
    }

    private HttpResponse<byte[]> bytes(StaffLogin.Session session, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", session.cookie()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
