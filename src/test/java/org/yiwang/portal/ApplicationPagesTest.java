package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.LoopbackClient;
import org.yiwang.identity.LoopbackClient.Response;

/** The citizen's application page and 我的办件 over HTTP, as a browser without scripts uses them. */
@IntegrationTest
class ApplicationPagesTest {

    /** 内地居民结婚登记 of 福田区民政局: one situation, 7 form fields (3 prefilled), materials m1–m3 (m4 for soldiers). */
    static final String MARRIAGE = "11440304007550312P0700114001000";
    static final String PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    @LocalServerPort
    int port;

    @Test
    void citizenLogsInAppliesWithUploadsAndSeesTheCase() {
        LoopbackClient client = new LoopbackClient(port, "127.0.9.1");
        Response guide = client.get("/items/" + MARRIAGE);
        assertThat(guide.body()).contains("在线申报");
        Response entry = client.get("/items/" + MARRIAGE + "/apply");
        assertThat(entry.status()).isEqualTo(302);
        assertThat(entry.location()).endsWith("/account/apply/" + MARRIAGE);
        Response toLogin = client.get("/account/apply/" + MARRIAGE);
        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.location()).endsWith("/account/login");
        client.get("/account/login");
        Response login = client.post("/account/login/password", Map.of("loginName", "44030719920611004X",
                "password", "Citizen@2026"));
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).contains("/account/apply/" + MARRIAGE);

        String page = client.get("/account/apply/" + MARRIAGE).body();
        assertThat(page).contains("在线申报：内地居民结婚登记").contains("440307********004X")
                .doesNotContain("44030719920611004X").contains("一方是否为现役军人？");
        String draftId = field(page, "draftId");
        Response answered = client.post("/account/apply/" + MARRIAGE + "/situations",
                Map.of("draftId", draftId, "s.military", "no"));
        assertThat(answered.status()).isEqualTo(302);
        page = client.get("/account/apply/" + MARRIAGE).body();
        assertThat(page).contains("name=\"m.m1\"").contains("name=\"m.m3\"").doesNotContain("name=\"m.m4\"")
                .contains("name=\"f.partnerName\"");
        String key = field(page, "idempotencyKey");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("draftId", draftId);
        form.put("idempotencyKey", key);
        form.put("f.partnerName", "李四");
        form.put("f.partnerIdNumber", "123");
        form.put("f.appointmentDate", "2026-12-20");
        Response refused = client.postMultipart("/account/apply/" + MARRIAGE, form,
                Map.of("m.m1", Map.entry("身份证.pdf", PDF.getBytes(StandardCharsets.US_ASCII)),
                        "m.m2", Map.entry("声明.txt", "not a pdf".getBytes(StandardCharsets.UTF_8))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("申报未提交").contains("只接受 PDF、JPEG、PNG 或 OFD 文件")
                .contains("已上传：身份证.pdf").contains("value=\"李四\"").contains("id=\"f-partnerIdNumber-err\"");

        form.put("f.partnerIdNumber", "440305199007180026");
        Map<String, Map.Entry<String, byte[]>> files = Map.of(
                "m.m2", Map.entry("声明.pdf", PDF.getBytes(StandardCharsets.US_ASCII)),
                "m.m3", Map.entry("合影.pdf", PDF.getBytes(StandardCharsets.US_ASCII)));
        Response submitted = client.postMultipart("/account/apply/" + MARRIAGE, form, files);
        assertThat(submitted.status()).isEqualTo(302);
        assertThat(submitted.location()).contains("/account/cases/").endsWith("?submitted");
        Response again = client.postMultipart("/account/apply/" + MARRIAGE, form, files);
        assertThat(again.location()).isEqualTo(submitted.location());

        String number = submitted.location().replaceAll(".*/account/cases/", "").replace("?submitted", "");
        String detail = client.get("/account/cases/" + number + "?submitted").body();
        assertThat(detail).contains("申报已提交").contains(number).contains("id=\"query-code\"")
                .contains("id=\"promised-date\"").contains("待受理").contains("合影.pdf");
        assertThat(client.get("/account/cases").body()).contains(number).contains("内地居民结婚登记");

        Matcher code = Pattern.compile("id=\"query-code\">([^<]+)<").matcher(detail);
        assertThat(code.find()).isTrue();
        LoopbackClient visitor = new LoopbackClient(port, "127.0.9.3");
        assertThat(visitor.get("/progress").body()).contains("办件进度查询");
        Response wrong = visitor.post("/progress", Map.of("caseNumber", number, "queryCode", "WRONG000"));
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(wrong.body()).contains("id=\"progress-error\"").doesNotContain("progress-result");
        Response found = visitor.post("/progress", Map.of("caseNumber", number, "queryCode", code.group(1)));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("id=\"progress-result\"").contains("待受理").contains("赵*")
                .doesNotContain("赵丽");

        Response withdrawn = client.post("/account/cases/" + number + "/withdrawal", Map.of("reason", ""));
        assertThat(withdrawn.status()).isEqualTo(400);
        assertThat(client.post("/account/cases/" + number + "/withdrawal", Map.of("reason", "改期办理")).location())
                .endsWith("?withdrawn");
        assertThat(client.get("/account/cases/" + number).body()).contains("已撤回").contains("改期办理");
    }

    @Test
    void anotherCitizensCaseIsNotFoundAndConsultationItemsTakeNoApplication() {
        LoopbackClient client = new LoopbackClient(port, "127.0.9.2");
        client.get("/account/login");
        client.post("/account/login/password", Map.of("loginName", "44030719920611004X", "password", "Citizen@2026"));
        assertThat(client.get("/account/cases/NOPE0000000000000000").status()).isEqualTo(404);
        // 内地居民离婚登记 is handled at the window only (网上咨询).
        Response divorce = client.get("/account/apply/11440304007550312P0700114002000");
        assertThat(divorce.status()).isEqualTo(302);
        assertThat(divorce.location()).endsWith("/items/11440304007550312P0700114002000/apply");
        assertThat(client.get("/items/11440304007550312P0700114002000/apply").body()).contains("本事项暂不支持网上申报");
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }
}
