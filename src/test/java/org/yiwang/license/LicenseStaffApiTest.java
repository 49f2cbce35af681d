package org.yiwang.license;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yiwang.identity.StaffLogin;
import org.yiwang.identity.oidc.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Direct issuance through the staff API: sealed and registered like the console's, with the same rules. */
class LicenseStaffApiTest extends LicenseTestBase {

    private static final String MARRIAGE_OF_WANG_WU = "{\"typeCode\":\"" + MARRIAGE + "\",\"holderName\":\"王五\","
            + "\"holderCode\":\"" + WANG_WU + "\",\"fields\":{\"partnerName\":\"孙梅\",\"partnerIdNumber\":"
            + "\"440306198306060122\"}}";

    @Autowired
    ApplicationContext context;

    private String staffToken(String template) {
        return TestTokens.staff(context, base(), StaffLogin.like(context, template).username());
    }

    @Test
    void aReviewerOfTheIssuingDepartmentIssuesASealedLicence() {
        var answer = postJson("/api/v1/staff/licenses", staffToken("ft-reviewer"), MARRIAGE_OF_WANG_WU);

        assertThat(answer.statusCode()).isEqualTo(201);
        JsonNode licence = JsonMapper.builder().build().readTree(answer.body());
        String id = licence.get("identifier").asString();
        assertThat(licence.get("issuerCode").asString()).isEqualTo(FUTIAN_CIVIL);
        assertThat(licence.get("sealed").asBoolean()).isTrue();
        IssuedLicense stored = store.find(LicenseId.parse(id)).orElseThrow();
        assertThat(stored.holderName()).isEqualTo("王五");
        assertThat(LicenseDocumentsTest.identifierOf(store.file(stored.id()))).isEqualTo(id);
        assertThat(upload("/api/v1/licenses/verify", null, id + ".ofd", store.file(stored.id())).body())
                .contains("\"verdict\":\"VALID\"");
    }

    @Test
    void aMissingFieldOrAClerkIssuesNothing() {
        String missing = MARRIAGE_OF_WANG_WU.replace("\"partnerName\":\"孙梅\",", "");
        var incomplete = postJson("/api/v1/staff/licenses", staffToken("ft-reviewer"), missing);
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("LICENSE_FIELD_MISSING", "对方姓名");

        var clerk = postJson("/api/v1/staff/licenses", staffToken("ft-clerk"), MARRIAGE_OF_WANG_WU);
        assertThat(clerk.statusCode()).isEqualTo(403);
        assertThat(clerk.body()).contains("LICENSE_ROLE_REQUIRED");

        assertThat(postJson("/api/v1/staff/licenses", null, MARRIAGE_OF_WANG_WU).statusCode()).isEqualTo(401);
    }
}
