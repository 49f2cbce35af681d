package org.yiwang.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.yiwang.identity.StaffRole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** In-site messages get read: one by one or all at once, each recipient only their own. */
class CaseMessagesTest extends CaseTestBase {

    @Test
    void anApplicantMarksTheirMessagesReadOverHttpAndNobodyElsesCan() {
        String number = accepted(applicant(ZHANG_SAN), item(FUTIAN, 10), futian(StaffRole.WINDOW_CLERK));
        String zhang = token(ZHANG_SAN);
        JsonNode unread = unreadOf(zhang, number);
        assertThat(unread).isNotNull();
        long id = unread.get("id").asLong();
        assertThat(applications.unreadMessages(applicant(ZHANG_SAN))).isPositive();

        assertThat(postJson("/api/v1/me/case-messages/" + id + "/read", token(LI_NA), "{}").statusCode())
                .as("another applicant's message").isEqualTo(404);
        assertThat(unreadOf(zhang, number)).isNotNull();
        HttpResponse<String> read = postJson("/api/v1/me/case-messages/" + id + "/read", zhang, "{}");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(json(read.body()).get("readAt").isNull()).isFalse();

        HttpResponse<String> all = postJson("/api/v1/me/case-messages/read?caseNumber=" + number, zhang, "{}");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(unreadOf(zhang, number)).isNull();
        assertThat(postJson("/api/v1/me/case-messages/read", zhang, "{}").statusCode()).isEqualTo(200);
        assertThat(applications.unreadMessages(applicant(ZHANG_SAN))).isZero();
        assertThat(postJson("/api/v1/me/case-messages/999999999/read", zhang, "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void aHandlerMarksTheMessageOfASupplementRead() {
        String number = accepted(applicant(ZHANG_SAN), item(FUTIAN, 10), futian(StaffRole.WINDOW_CLERK));
        var reviewer = futian(StaffRole.REVIEWER);
        workbench.claim(reviewer, number, null);
        workbench.requestCorrection(reviewer, number, null,
                java.util.List.of(new CorrectionItem("m1", null, "不清晰")), null);
        applications.supplement(applicant(ZHANG_SAN), number, null, null);
        CaseMessage message = workbench.messages(reviewer).stream().filter(m -> m.caseNumber().equals(number))
                .findFirst().orElseThrow();
        assertThat(message.readAt()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> workbench.markRead(futian(StaffRole.REVIEWER),
                message.id())).extracting("error").isEqualTo(CasesError.CASES_MESSAGE_NOT_FOUND);
        assertThat(workbench.markRead(reviewer, message.id()).readAt()).isNotNull();
        assertThat(workbench.messages(reviewer).stream().filter(m -> m.id() == message.id()).findFirst()
                .orElseThrow().readAt()).isNotNull();
    }

    private JsonNode unreadOf(String token, String number) {
        for (JsonNode m : json(get("/api/v1/me/case-messages", token).body())) {
            if (m.get("caseNumber").asString().equals(number) && (m.get("readAt") == null || m.get("readAt").isNull())) {
                return m;
            }
        }
        return null;
    }

    private static JsonNode json(String body) {
        return JsonMapper.builder().build().readTree(body);
    }
}
