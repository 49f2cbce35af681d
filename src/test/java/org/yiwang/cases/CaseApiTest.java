package org.yiwang.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.identity.StaffRole;
import org.yiwang.identity.oidc.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The case API over real HTTP: applicants with bearer tokens, refusals, the public progress query. */
class CaseApiTest extends CaseTestBase {

    @Autowired
    JsonMapper json;
    @Autowired
    org.yiwang.identity.enterprise.Enterprises enterprises;

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** Creates a draft of {@code item} with material m1 uploaded; returns the draft id. */
    long draftWithUpload(String token, String item) {
        HttpResponse<String> draft = postJson("/api/v1/applications/drafts", token,
                "{\"itemCode\":\"" + item + "\",\"situationAnswers\":{\"chain\":\"no\"}}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        long id = body(draft).get("draftId").asLong();
        HttpResponse<String> upload = upload("/api/v1/applications/drafts/" + id + "/materials/m1", token,
                "申请书.pdf", pdf());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        assertThat(body(upload).get("mediaType").asString()).isEqualTo("application/pdf");
        return id;
    }

    @Test
    void anApplicantSubmitsOverHttpAndARetryWithTheSameKeyGivesTheSameCase() {
        String item = item(FUTIAN, 10);
        String token = token(ZHANG_SAN);
        long draft = draftWithUpload(token, item);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = postJson("/api/v1/applications", token, "{\"draftId\":" + draft + "}",
                "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String number = body(first).get("caseNumber").asString();
        assertThat(first.headers().firstValue("Location")).hasValue("/api/v1/applications/" + number);
        HttpResponse<String> again = postJson("/api/v1/applications", token, "{\"draftId\":" + draft + "}",
                "Idempotency-Key", key);
        assertThat(body(again).get("caseNumber").asString()).isEqualTo(number);
        assertThat(postJson("/api/v1/applications", token, "{\"draftId\":" + draft + "}",
                "Idempotency-Key", "bad key!").statusCode()).isEqualTo(400);

        HttpResponse<String> mine = get("/api/v1/me/applications", token);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains(number);
        HttpResponse<String> view = get("/api/v1/applications/" + number, token);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.headers().firstValue("ETag")).isPresent();
        assertThat(body(view).get("stateLabel").asString()).isEqualTo("待受理");
        assertThat(view.body()).doesNotContain(ZHANG_SAN).contains("440304********0013");
        assertThat(get("/api/v1/me/case-messages", token).body()).contains(number);
    }

    @Test
    void concurrentDoubleSubmissionOverHttpMakesOneCase() throws Exception {
        String item = item(FUTIAN, 10);
        String token = token(ZHANG_SAN);
        long draft = draftWithUpload(token, item);
        String key = UUID.randomUUID().toString();
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            futures.add(pool.submit(() -> {
                barrier.await();
                return postJson("/api/v1/applications", token, "{\"draftId\":" + draft + "}", "Idempotency-Key", key);
            }));
        }
        List<String> numbers = new ArrayList<>();
        for (var f : futures) {
            HttpResponse<String> response = f.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            numbers.add(body(response).get("caseNumber").asString());
        }
        pool.shutdown();
        assertThat(numbers.get(0)).isEqualTo(numbers.get(1));
        assertThat(jdbc.sql("SELECT count(*) FROM service_case WHERE idempotency_key = ?").param(key)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badUploadsAreRefusedAndNothingIsStored() {
        String token = token(ZHANG_SAN);
        HttpResponse<String> draft = postJson("/api/v1/applications/drafts", token,
                "{\"itemCode\":\"" + item(FUTIAN, 10) + "\",\"situationAnswers\":{\"chain\":\"no\"}}");
        long id = body(draft).get("draftId").asLong();
        String path = "/api/v1/applications/drafts/" + id + "/materials/m1";
        byte[] exe = new byte[128];
        exe[0] = 'M';
        exe[1] = 'Z';
        HttpResponse<String> wrongType = upload(path, token, "申请书.pdf", exe);
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(body(wrongType).get("code").asString()).isEqualTo("CASES_UPLOAD_TYPE_NOT_ALLOWED");
        assertThat(body(wrongType).get("detail").asString()).contains("PDF");
        HttpResponse<String> empty = upload(path, token, "空.pdf", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(body(empty).get("code").asString()).isEqualTo("CASES_UPLOAD_EMPTY");
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(pdf(), 0, big, 0, pdf().length);
        HttpResponse<String> tooBig = upload(path, token, "大.pdf", big);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(body(tooBig).get("code").asString()).isEqualTo("CASES_UPLOAD_TOO_LARGE");
        HttpResponse<String> unknownSlot = upload("/api/v1/applications/drafts/" + id + "/materials/m9", token,
                "a.pdf", pdf());
        assertThat(body(unknownSlot).get("code").asString()).isEqualTo("CASES_MATERIAL_UNKNOWN");
        JsonNode after = body(get("/api/v1/applications/drafts/" + id, token));
        assertThat(after.get("materials").get(0).has("filledBy")).isFalse();
        HttpResponse<String> submit = postJson("/api/v1/applications", token, "{\"draftId\":" + id + "}");
        assertThat(submit.statusCode()).isEqualTo(400);
        assertThat(body(submit).get("code").asString()).isEqualTo("CASES_MATERIALS_MISSING");
        assertThat(body(submit).get("errors").get(0).get("field").asString()).isEqualTo("materials.m1");
    }

    @Test
    void someoneElsesCaseAnswersLikeANonExistentOne() {
        String number = submit(applicant(ZHANG_SAN), item(FUTIAN, 10));
        String other = token(LI_NA);
        HttpResponse<String> foreign = get("/api/v1/applications/" + number, other);
        HttpResponse<String> missing = get("/api/v1/applications/" + number + "9", other);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        JsonNode a = body(foreign);
        JsonNode b = body(missing);
        assertThat(a.get("code").asString()).isEqualTo("CASES_CASE_NOT_FOUND").isEqualTo(b.get("code").asString());
        assertThat(a.get("detail").asString()).isEqualTo(b.get("detail").asString());
        assertThat(a.get("title").asString()).isEqualTo(b.get("title").asString());

        assertThat(get("/api/v1/applications/" + number, null).statusCode()).isEqualTo(401);
        HttpResponse<String> system = get("/api/v1/me/applications", TestTokens.client(keys, base()));
        assertThat(system.statusCode()).isEqualTo(403);
        assertThat(body(system).get("code").asString()).isEqualTo("IDENTITY_OIDC_NOT_A_PERSON");
    }

    @Test
    void aTokenActingForAnEnterpriseSeesTheEnterprisesCases() {
        enterprises.claim(profile(WANG_WU).accountId(), "91440306MA5J9C4R1M", "深圳市宝安振华精密制造有限公司");
        String item = item(NANSHAN, 20);
        String company = token(WANG_WU, "91440306MA5J9C4R1M", "enterprise");
        long draft = draftWithUpload(company, item);
        HttpResponse<String> submitted = postJson("/api/v1/applications", company, "{\"draftId\":" + draft + "}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        assertThat(body(submitted).get("applicant").get("kind").asString()).isEqualTo("ENTERPRISE");
        String number = body(submitted).get("caseNumber").asString();
        assertThat(get("/api/v1/me/applications", company).body()).contains(number);
        assertThat(get("/api/v1/applications/" + number, token(WANG_WU)).statusCode())
                .as("not the person's own case").isEqualTo(404);
        assertThat(get("/api/v1/me/applications", token(LI_NA, "91440306MA5J9C4R1M", "enterprise")).statusCode())
                .as("not this enterprise's representative").isEqualTo(401);
    }

    @Test
    void aSecondWithdrawalIsAConflictWithAStableCode() {
        String number = submit(applicant(ZHANG_SAN), item(FUTIAN, 10));
        String token = token(ZHANG_SAN);
        HttpResponse<String> first = postJson("/api/v1/applications/" + number + "/withdrawal", token,
                "{\"reason\":\"不再需要\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(body(first).get("resultCode").asInt()).isEqualTo(5);
        HttpResponse<String> second = postJson("/api/v1/applications/" + number + "/withdrawal", token,
                "{\"reason\":\"不再需要\"}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(body(second).get("code").asString()).isEqualTo("CASES_STATE_CONFLICT");
        assertThat(body(second).get("detail").asString()).contains("已撤回", "撤回");
        HttpResponse<String> stale = postJson("/api/v1/applications/" + number + "/withdrawal", token,
                "{\"reason\":\"x\",\"version\":0}");
        assertThat(body(stale).get("code").asString()).isEqualTo("CASES_VERSION_CONFLICT");
    }

    @Test
    void theProgressQueryNeedsTheQueryCodeAndShowsNoPersonalData() throws Exception {
        String number = submit(applicant(ZHANG_SAN), item(FUTIAN, 10));
        workbench.accept(futian(StaffRole.WINDOW_CLERK), number, null, null);
        String code = applications.view(applicant(ZHANG_SAN), number).queryCode();
        HttpResponse<String> ok = get("/api/v1/case-progress?caseNumber=" + number + "&queryCode=" + code, null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(body(ok).get("applicantName").asString()).isEqualTo("张*");
        assertThat(body(ok).get("stateLabel").asString()).isEqualTo("审查中");
        assertThat(body(ok).has("promisedCompletionDate")).isTrue();
        assertThat(ok.body()).doesNotContain("张三", ZHANG_SAN, "13700000001", "queryCode");

        String wrong = rawGet("127.0.0.2", "/api/v1/case-progress?caseNumber=" + number + "&queryCode=AAAAAAAA");
        String none = rawGet("127.0.0.2", "/api/v1/case-progress?caseNumber=" + number + "0&queryCode=" + code);
        assertThat(wrong).startsWith("HTTP/1.1 404");
        assertThat(body(wrong)).as("the same answer as for a case that does not exist").isEqualTo(body(none));
        String last = "";
        for (int i = 0; i < 10; i++) {
            last = rawGet("127.0.0.2", "/api/v1/case-progress?caseNumber=" + number + "&queryCode=BBBBBBBB");
        }
        assertThat(last).startsWith("HTTP/1.1 429");
        assertThat(rawGet("127.0.0.2", "/api/v1/case-progress?caseNumber=" + number + "&queryCode=" + code))
                .as("blocked even with the right code").startsWith("HTTP/1.1 429");
    }

    @Test
    void theWorkbenchApiAnswersAStaffToken() {
        String number = submit(applicant(ZHANG_SAN), item(FUTIAN, 10));
        HttpResponse<String> view = staffGet("/api/v1/cases/" + number);
        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        assertThat(body(view).get("trail").get(0).get("action").asString()).isEqualTo("SUBMIT");
        HttpResponse<String> sets = staffGet("/api/v1/cases/" + number + "/datasets");
        assertThat(sets.statusCode()).isEqualTo(200);
        assertThat(body(sets).get("application").get("applicantIdNumber").asString()).isEqualTo(ZHANG_SAN);
        HttpResponse<String> accept = send(staffRequest("/api/v1/cases/" + number + "/accept")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(accept.statusCode()).as("a platform administrator is no window clerk").isEqualTo(403);
        assertThat(body(accept).get("code").asString()).isEqualTo("CASES_ROLE_REQUIRED");
        assertThat(get("/api/v1/cases/" + number, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/cases/" + number, token(ZHANG_SAN)).statusCode())
                .as("a citizen's token is no staff login").isEqualTo(403);
        JsonNode page = body(staffGet("/api/v1/cases?queue=ALL&size=50"));
        assertThat(page.get("size").asInt()).isEqualTo(50);
        assertThat(page.get("items")).extracting(c -> c.get("caseNumber").asString()).contains(number);
        HttpResponse<String> farPage = staffGet("/api/v1/cases?queue=ALL&size=200&page=" + Integer.MAX_VALUE);
        assertThat(farPage.statusCode()).as(farPage.body()).isEqualTo(200);
        assertThat(body(farPage).get("items")).isEmpty();
        HttpResponse<String> tooLarge = staffGet("/api/v1/cases?queue=ALL&size=201");
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(body(tooLarge).get("code").asString()).isEqualTo("CASES_PAGE_SIZE_INVALID");
        assertThat(body(tooLarge).get("detail").asString()).contains("200");
    }

    @Test
    void aFutianClerkCannotReadOrActOnANanshanCase() {
        String number = submit(applicant(LI_NA), item(NANSHAN, 10));
        HttpResponse<String> futian = send(staffRequest("ft-clerk", "/api/v1/cases/" + number).GET());
        HttpResponse<String> missing = send(staffRequest("ft-clerk", "/api/v1/cases/" + number + "9").GET());
        assertThat(futian.statusCode()).isEqualTo(404);
        assertThat(body(futian).get("code")).isEqualTo(body(missing).get("code"));
        HttpResponse<String> accept = send(staffRequest("ft-clerk", "/api/v1/cases/" + number + "/accept")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(accept.statusCode()).isEqualTo(404);
        assertThat(send(staffRequest("ns-clerk", "/api/v1/cases/" + number).GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void anActionAnswersTheChangedCaseWithoutItsTrail() {
        String number = submit(applicant(LI_NA), item(NANSHAN, 10));
        HttpResponse<String> accept = send(staffRequest("ns-clerk", "/api/v1/cases/" + number + "/accept")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(accept.statusCode()).as(accept.body()).isEqualTo(200);
        JsonNode view = body(accept).get("caseView");
        assertThat(view.get("state").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(view.get("currentStep").get("role").asString()).isEqualTo("REVIEWER");
        assertThat(view.has("trail")).isFalse();
        assertThat(view.has("timeline")).isFalse();
        JsonNode full = body(send(staffRequest("ns-clerk", "/api/v1/cases/" + number).GET()));
        assertThat(full.get("trail")).extracting(t -> t.get("action").asString()).containsExactly("SUBMIT", "ACCEPT");
    }

    // --- helpers ---

    /** A staff request: a platform administrator's bearer token. */
    HttpRequest.Builder staffRequest(String path) {
        return staffRequest("admin", path);
    }

    HttpResponse<String> staffGet(String path) {
        return send(staffRequest(path).GET());
    }

    JsonNode body(String rawResponse) {
        return json.readTree(rawResponse.substring(rawResponse.indexOf("\r\n\r\n") + 4));
    }

    /** GET from a chosen loopback address, so that the per-address limit does not touch other tests. */
    String rawGet(String localAddress, String path) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            String raw = buffer.toString(StandardCharsets.UTF_8);
            if (raw.contains("Transfer-Encoding: chunked")) {
                String head = raw.substring(0, raw.indexOf("\r\n\r\n") + 4);
                String rest = raw.substring(head.length());
                StringBuilder body = new StringBuilder();
                while (true) {
                    int eol = rest.indexOf("\r\n");
                    int size = Integer.parseInt(rest.substring(0, eol).strip(), 16);
                    if (size == 0) {
                        break;
                    }
                    byte[] bytes = rest.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
                    String chunk = new String(bytes, 0, size, StandardCharsets.UTF_8);
                    body.append(chunk);
                    rest = rest.substring(eol + 2 + chunk.length() + 2);
                }
                return head + body;
            }
            return raw;
        }
    }
}
