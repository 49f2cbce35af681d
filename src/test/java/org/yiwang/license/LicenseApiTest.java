package org.yiwang.license;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The wallet API with person and enterprise tokens, and the public status and verification API. */
class LicenseApiTest extends LicenseTestBase {

    private final JsonMapper json = JsonMapper.builder().build();
    @org.springframework.beans.factory.annotation.Autowired
    LicenseTypes types;
    @org.springframework.beans.factory.annotation.Autowired
    LicenseDocuments documents;
    @org.springframework.beans.factory.annotation.Autowired
    LicenseWallet wallet;

    private JsonNode body(String text) {
        return json.readTree(text);
    }

    private String check(JsonNode report, String code) {
        for (JsonNode c : report.get("checks")) {
            if (c.get("code").asString().equals(code)) {
                return c.get("passed").asBoolean() + " " + c.get("message").asString();
            }
        }
        return "absent";
    }

    @Test
    void theHolderSeesAndDownloadsTheirLicenceAndNobodyElseDoes() {
        IssuedLicense licence = store.findByCase(marriageCompleted()).orElseThrow();
        String id = licence.identifier().value();

        var list = get("/api/v1/me/licenses", token(ZHANG_SAN));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(id, "中华人民共和国结婚证", "440304********0013", "\"statusLabel\":\"有效\"")
                .doesNotContain(ZHANG_SAN);
        var one = get("/api/v1/me/licenses/" + id, token(ZHANG_SAN));
        assertThat(body(one.body()).at("/licence/metadata/对方姓名").asString()).isEqualTo("李娜");
        assertThat(body(one.body()).at("/history/0/actionLabel").asString()).isEqualTo("颁发");
        var file = download("/api/v1/me/licenses/" + id + "/file", token(ZHANG_SAN));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/ofd");
        assertThat(LicenseDocumentsTest.identifierOf(file.body())).isEqualTo(id);

        assertThat(get("/api/v1/me/licenses/" + id, token(WANG_WU)).statusCode()).isEqualTo(404);
        var foreign = download("/api/v1/me/licenses/" + id + "/file", token(WANG_WU));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/me/licenses", token(WANG_WU)).body()).doesNotContain(id);
        assertThat(get("/api/v1/me/licenses", null).statusCode()).isEqualTo(401);
    }

    @Test
    void anEnterpriseRepresentativeSeesTheEnterprisesLicencesNotTheirOwn() {
        IssuedLicense food = foodLicence(RESTAURANT, "深圳市南山海岸餐饮管理有限公司");

        String body = get("/api/v1/me/licenses", restaurantToken()).body();

        assertThat(body).contains(food.identifier().value(), "食品经营许可证", "热食类食品制售");
        assertThat(get("/api/v1/me/licenses", token(LI_NA)).body()).doesNotContain(food.identifier().value());
    }

    @Test
    void anAgentOpensTheEnterprisesWalletOnlyWithFullScope() {
        IssuedLicense food = foodLicence(RESTAURANT, "深圳市南山海岸餐饮管理有限公司");
        var person = profile(WANG_WU).person();
        var applyOnly = new org.yiwang.identity.Applicant(person, org.yiwang.identity.ActingFor.agent(RESTAURANT,
                "深圳市南山海岸餐饮管理有限公司", org.yiwang.identity.AgentScope.APPLY_ONLY));
        var all = new org.yiwang.identity.Applicant(person, org.yiwang.identity.ActingFor.agent(RESTAURANT,
                "深圳市南山海岸餐饮管理有限公司", org.yiwang.identity.AgentScope.ALL));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wallet.list(applyOnly))
                .extracting(e -> ((org.yiwang.shared.BusinessException) e).error())
                .isEqualTo(LicenseError.LICENSE_NOT_A_HOLDER);
        assertThat(wallet.list(all)).extracting(IssuedLicense::identifier).contains(food.identifier());
    }

    @Test
    void thePublicStatusMasksTheHolderAndRefusesMalformedIdentifiers() {
        IssuedLicense licence = store.findByCase(marriageCompleted()).orElseThrow();

        var status = get("/api/v1/licenses/" + licence.identifier().value() + "/status", null);
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode view = body(status.body());
        assertThat(view.get("holderName").asString()).isEqualTo("张*");
        assertThat(view.get("status").asString()).isEqualTo("VALID");
        assertThat(view.get("issuer").asString()).isEqualTo("深圳市福田区民政局");
        assertThat(view.get("metadata").isNull()).isTrue();
        assertThat(view.hasNonNull("holderCode")).isFalse();
        assertThat(status.body()).doesNotContain("440304*");

        String wrongCheck = licence.identifier().value().substring(0, licence.identifier().value().length() - 1)
                + (licence.identifier().checkCharacter() == 'A' ? "B" : "A");
        var malformed = get("/api/v1/licenses/" + wrongCheck + "/status", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("LICENSE_ID_INVALID", "校验码应为 " + licence.identifier().checkCharacter());
        var inEnglish = send(request("/api/v1/licenses/" + wrongCheck + "/status", null)
                .header("Accept-Language", "en").GET());
        assertThat(inEnglish.body()).contains("the check character must be " + licence.identifier().checkCharacter())
                .doesNotContain("校验码");
        var unknown = get("/api/v1/licenses/1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U"
                + "/status", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void verificationOfARevokedLicenceSaysSoWithTheReason() {
        IssuedLicense food = foodLicence(RESTAURANT, "深圳市南山海岸餐饮管理有限公司");
        byte[] file = store.file(food.id());

        JsonNode valid = body(upload("/api/v1/licenses/verify", null, "licence.ofd", file).body());
        assertThat(valid.get("verdict").asString()).isEqualTo("VALID");
        assertThat(valid.get("verdictLabel").asString()).isEqualTo("证照有效");
        assertThat(check(valid, "OFD_READABLE")).startsWith("true");
        assertThat(check(valid, "SEALS_VALID")).isEqualTo("true 电子印章验证通过（1个签章），文件签章后未被改动");
        assertThat(valid.at("/signatures/0/sealName").asString()).contains("深圳市市场监督管理局");
        assertThat(valid.at("/signatures/0/valid").asBoolean()).isTrue();
        assertThat(check(valid, "LICENSE_REGISTERED")).isEqualTo("true 证照由深圳市市场监督管理局颁发，已在证照库登记");
        assertThat(check(valid, "LICENSE_STATUS")).isEqualTo("true 证照状态：有效");

        issuance.end(marketReviewer(), food.identifier(), LicenseIssuance.StatusAction.REVOKE, "以欺骗手段取得许可");

        var response = upload("/api/v1/licenses/verify", null, "licence.ofd", file);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode revoked = body(response.body());
        assertThat(revoked.get("verdict").asString()).isEqualTo("INVALID");
        assertThat(check(revoked, "SEALS_VALID")).startsWith("true");
        assertThat(check(revoked, "LICENSE_STATUS")).isEqualTo("false 证照状态：已撤销（原因：以欺骗手段取得许可）");
        assertThat(revoked.at("/licence/statusLabel").asString()).isEqualTo("已撤销");
    }

    @Test
    void anExpiredLicenceIsReportedExpired() {
        IssuedLicense food = foodLicence(RESTAURANT, "深圳市南山海岸餐饮管理有限公司");
        jdbc.sql("UPDATE license SET valid_until = current_date - 1 WHERE id = ?").param(food.id()).update();

        JsonNode status = body(get("/api/v1/licenses/" + food.identifier().value() + "/status", null).body());

        assertThat(status.get("status").asString()).isEqualTo("EXPIRED");
        JsonNode report = body(upload("/api/v1/licenses/verify", null, "licence.ofd", store.file(food.id())).body());
        assertThat(check(report, "LICENSE_STATUS")).startsWith("false 证照状态：已过期");
    }

    @Test
    void anUnsealedCopyOfTheLicenceIsNotValid() {
        IssuedLicense food = foodLicence(RESTAURANT, "深圳市南山海岸餐饮管理有限公司");
        LicenseType type = types.require(FOOD);
        byte[] unsealed = documents.render(type, new LicenseContent(food.identifier(), food.typeName(),
                food.holderName(), RESTAURANT, food.issuerName(), food.issuedOn(), food.validUntil(),
                food.metadata()), null);

        JsonNode report = body(upload("/api/v1/licenses/verify", null, "licence.ofd", unsealed).body());

        assertThat(report.get("verdict").asString()).isEqualTo("INVALID");
        assertThat(check(report, "SEALS_VALID")).isEqualTo("false 文件未加盖电子印章");
        assertThat(check(report, "LICENSE_STATUS")).startsWith("true");
    }

    @Test
    void aChangedFileFailsTheSealCheck() throws Exception {
        IssuedLicense food = foodLicence(RESTAURANT, "深圳市南山海岸餐饮管理有限公司");
        byte[] tampered = tamper(store.file(food.id()), "热食类食品制售", "冷食类食品制售");

        JsonNode report = body(upload("/api/v1/licenses/verify", null, "licence.ofd", tampered).body());

        assertThat(report.get("verdict").asString()).isEqualTo("INVALID");
        assertThat(check(report, "SEALS_VALID")).isEqualTo("false 电子印章验证未通过，文件可能被改动");
        assertThat(report.at("/signatures/0/valid").asBoolean()).isFalse();
    }

    /** The same package with {@code from} replaced by {@code to} in every XML part. */
    private static byte[] tamper(byte[] ofd, String from, String to) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(ofd));
                var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().endsWith(".xml")) {
                    bytes = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace(from, to)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void somethingThatIsNoOfdIsUnreadable() {
        JsonNode report = body(upload("/api/v1/licenses/verify", null, "x.ofd", "%PDF-1.4 nothing".getBytes()).body());

        assertThat(report.get("verdict").asString()).isEqualTo("UNREADABLE");
        assertThat(check(report, "OFD_READABLE")).isEqualTo("false 文件不是可读取的OFD版式文档");
    }
}
