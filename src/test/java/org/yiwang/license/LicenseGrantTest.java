package org.yiwang.license;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;
import org.yiwang.calendar.WorkingDayCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 授权使用: the holder grants, the third party fetches a watermarked copy, the holder sees the use and revokes. */
class LicenseGrantTest extends LicenseTestBase {

    private final JsonMapper json = JsonMapper.builder().build();
    private final LocalDate inTenDays = LocalDate.now(WorkingDayCalendar.ZONE).plusDays(10);

    private JsonNode grant(String identifier, String token) {
        var response = postJson("/api/v1/me/licenses/" + identifier + "/grants", token,
                "{\"purpose\":\"办理购房资格审核\",\"grantee\":\"深圳市住房和建设局\",\"expiresOn\":\"" + inTenDays + "\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private HttpResponse<byte[]> fetch(String code) {
        return send(request("/api/v1/licenses/shared", null).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(byte[] ofd) throws Exception {
        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd))) {
            return String.join("", new ContentExtractor(reader).extractAll());
        }
    }

    @Test
    void aThirdPartyGetsAWatermarkedCopyAndTheHolderSeesTheUse() throws Exception {
        String id = store.findByCase(marriageCompleted()).orElseThrow().identifier().value();
        String code = grant(id, token(ZHANG_SAN)).get("code").asString();

        var copy = fetch(code);

        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(LicenseDocumentsTest.identifierOf(copy.body())).isEqualTo(id);
        assertThat(text(copy.body())).contains("仅供深圳市住房和建设局用于办理购房资格审核，"
                + LicenseContent.chinese(inTenDays) + "前有效", "持证人：张三");
        JsonNode grants = json.readTree(get("/api/v1/me/licenses/" + id + "/grants", token(ZHANG_SAN)).body());
        assertThat(grants.at("/0/uses").size()).isEqualTo(1);
        assertThat(grants.at("/0/grantee").asString()).isEqualTo("深圳市住房和建设局");
    }

    @Test
    void everyUseIsRecordedAndGetsTheCopyMadeAtTheFirst() {
        String id = store.findByCase(marriageCompleted()).orElseThrow().identifier().value();
        String code = grant(id, token(ZHANG_SAN)).get("code").asString();

        var first = fetch(code);
        var second = fetch(code);

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(LicenseDocumentsTest.identifierOf(second.body())).isEqualTo(id);
        JsonNode grants = json.readTree(get("/api/v1/me/licenses/" + id + "/grants", token(ZHANG_SAN)).body());
        assertThat(grants.at("/0/uses").size()).isEqualTo(2);
    }

    @Test
    void aRevokedCodeIsRefusedWithTheTimeOfRevocation() {
        String id = store.findByCase(marriageCompleted()).orElseThrow().identifier().value();
        JsonNode granted = grant(id, token(ZHANG_SAN));
        long grantId = granted.at("/grant/id").asLong();

        assertThat(send(request("/api/v1/me/licenses/" + id + "/grants/" + grantId, token(WANG_WU)).DELETE(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(send(request("/api/v1/me/licenses/" + id + "/grants/" + grantId, token(ZHANG_SAN)).DELETE(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);

        var refused = fetch(granted.get("code").asString());
        assertThat(refused.statusCode()).isEqualTo(410);
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("LICENSE_GRANT_REVOKED", "持证人已于", "撤回该授权");
    }

    @Test
    void anExpiredCodeIsRefused() {
        String id = store.findByCase(marriageCompleted()).orElseThrow().identifier().value();
        JsonNode granted = grant(id, token(ZHANG_SAN));
        jdbc.sql("UPDATE license_grant SET expires_at = now() - interval '1 minute' WHERE id = ?")
                .param(granted.at("/grant/id").asLong()).update();

        var refused = fetch(granted.get("code").asString());

        assertThat(refused.statusCode()).isEqualTo(410);
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("LICENSE_GRANT_EXPIRED", "过期");
    }

    @Test
    void aCodeOfARevokedLicenceIsRefusedAndOnlyTheHolderGrants() {
        IssuedLicense food = foodLicence(RESTAURANT, "深圳市南山海岸餐饮管理有限公司");
        String id = food.identifier().value();
        assertThat(postJson("/api/v1/me/licenses/" + id + "/grants", token(WANG_WU),
                "{\"purpose\":\"x\",\"grantee\":\"y\",\"expiresOn\":\"" + inTenDays + "\"}").statusCode())
                .isEqualTo(404);
        String code = grant(id, restaurantToken()).get("code").asString();

        issuance.end(marketReviewer(), food.identifier(), LicenseIssuance.StatusAction.REVOKE, "以欺骗手段取得许可");

        var refused = fetch(code);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("LICENSE_NOT_VALID", "已撤销");
        assertThat(fetch("NOSUCHCODE234567").statusCode()).isEqualTo(404);
    }

    @Test
    void aGrantNeedsPurposeGranteeAndAnExpiryWithinTheLimit() {
        String id = store.findByCase(marriageCompleted()).orElseThrow().identifier().value();

        var tooLong = postJson("/api/v1/me/licenses/" + id + "/grants", token(ZHANG_SAN),
                "{\"purpose\":\"贷款\",\"grantee\":\"某银行\",\"expiresOn\":\"" + inTenDays.plusYears(1) + "\"}");
        var noPurpose = postJson("/api/v1/me/licenses/" + id + "/grants", token(ZHANG_SAN),
                "{\"grantee\":\"某银行\",\"expiresOn\":\"" + inTenDays + "\"}");

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("LICENSE_GRANT_INVALID", "有效期应在今天至");
        assertThat(noPurpose.body()).contains("请填写用途");
    }
}
