package org.yiwang.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yiwang.IntegrationTest;

/** The public guide of demo items: what the application form asks, and the materials for chosen situations. */
@IntegrationTest
class ItemGuidePageTest {

    /** 福田区民政局 内地居民结婚登记: one situation (现役军人) adding a material. */
    private static final String MARRIAGE = "11440304007550312P0700114001000";
    /** 南山区民政局 最低生活保障申请: two situations, pre-reviewed online applications. */
    private static final String SUBSISTENCE = "1144030500755089XE0500115000000";
    /** 南山区卫生健康局 诊所备案: no situations. */
    private static final String CLINIC = "11440305MB2C95024P1000138000000";
    private static final String MILITARY_PROOF = "现役军人身份证件及部队出具的婚姻状况证明";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theGuideListsWhatTheApplicationFormAsks() throws Exception {
        String page = get("/items/" + MARRIAGE);
        String form = section(page, "application-form");
        assertThat(form).contains("<h2 id=\"application-form\">申请表单</h2>")
                .contains("<caption>申请表单填写项（共 7 项）</caption>")
                .contains("<th scope=\"row\">对方公民身份号码</th>")
                .contains("由申请人身份证号码自动填入，无需填写。")
                .contains("<td>日期</td>")
                .contains("可选：参加、不参加")
                .contains("5月20日、七夕等特殊日期须提前预约")
                .contains("<span class=\"required\">必填</span>").contains("<span>选填</span>")
                .doesNotContain("预审");
        assertThat(page).contains("<a href=\"#application-form\">申请表单</a>");

        assertThat(section(get("/items/" + SUBSISTENCE), "application-form")).contains("本事项网上申请先经预审")
                .contains("可选：南头街道、南山街道");
        String clinic = get("/items/" + CLINIC);
        assertThat(clinic).contains("<th scope=\"row\">诊所类别</th>").doesNotContain("id=\"situations\"");
    }

    @Test
    void visitorsChooseTheirSituationAndSeeTheMaterialsItNeeds() throws Exception {
        String page = get("/items/" + MARRIAGE);
        String situations = section(page, "situations");
        assertThat(situations).contains("<form method=\"get\" action=\"/items/" + MARRIAGE + "#situation-result\"")
                .contains("<legend>一方是否为现役军人？</legend>")
                .contains("<input type=\"radio\" name=\"s.military\" value=\"yes\">")
                .contains("需补充提交：" + MILITARY_PROOF)
                .doesNotContain("id=\"situation-result\"").doesNotContain("<script").doesNotContain("_csrf");

        String soldier = get("/items/" + MARRIAGE + "?s.military=yes&show=1");
        assertThat(result(soldier)).contains("根据您选择的情形，需要提交以下材料（共 4 项）")
                .contains("<a href=\"#material-m4\">" + MILITARY_PROOF + "</a>")
                .contains("男女双方居民身份证").contains("可使用电子证照，免于提交");
        assertThat(section(soldier, "situations"))
                .contains("<input type=\"radio\" name=\"s.military\" value=\"yes\" checked=\"checked\">");

        String civilians = get("/items/" + MARRIAGE + "?s.military=no&show=1");
        assertThat(result(civilians)).contains("（共 3 项）").contains("近期2寸半身免冠合影照片")
                .doesNotContain(MILITARY_PROOF);
    }

    @Test
    void unansweredOrUnknownSituationsAreNamed() throws Exception {
        String partly = get("/items/" + SUBSISTENCE + "?s.disabled=yes&show=1");
        assertThat(result(partly)).contains("role=\"alert\"").contains("请回答“是否委托他人代办？”")
                .doesNotContain("需要提交以下材料");
        String nothing = get("/items/" + SUBSISTENCE + "?show=1");
        assertThat(result(nothing)).contains("请回答“家庭成员中是否有残疾人？”").contains("请回答“是否委托他人代办？”");
        String unknown = get("/items/" + MARRIAGE + "?s.military=" + enc("<maybe>"));
        assertThat(result(unknown)).contains("情形或选项“&lt;maybe&gt;”不存在。");

        String both = get("/items/" + SUBSISTENCE + "?s.disabled=yes&s.agent=agent");
        assertThat(result(both)).contains("（共 6 项）").contains("残疾人证").contains("代办人居民身份证");
    }

    private static String section(String page, String heading) {
        int start = page.indexOf("aria-labelledby=\"" + heading + "\"");
        assertThat(start).as("section %s", heading).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static String result(String page) {
        int start = page.indexOf("id=\"situation-result\"");
        assertThat(start).as("situation result").isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
