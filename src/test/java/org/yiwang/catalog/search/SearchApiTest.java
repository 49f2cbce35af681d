package org.yiwang.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.yiwang.IntegrationTest;
import org.yiwang.catalog.OnlineDepth;
import org.yiwang.catalog.PublishedItem;
import org.yiwang.catalog.ServiceObject;
import org.yiwang.catalog.Theme;
import org.yiwang.identity.StaffLogin;
import org.yiwang.shared.CreditCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class SearchApiTest {

    /** 深圳市市场监督管理局 of the demo data, managed by the demo account scjg-admin. */
    static final String MARKET_REGULATION = "11440300MB2C922610";
    static final String HUMAN_RESOURCES = "11440300007542144J";
    static final String CARD_APPLICATION = "11440300007542144J2000108000000";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationContext context;

    final HttpClient http = HttpClient.newHttpClient();
    StaffLogin.Session staff;

    HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/items?" + query))
                .header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode search(String query) throws Exception {
        HttpResponse<String> response = get(query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<String> codes(JsonNode result) {
        List<String> codes = new ArrayList<>();
        result.get("hits").forEach(h -> codes.add(h.get("code").asString()));
        return codes;
    }

    @ParameterizedTest
    @CsvSource({"社保卡", "社会保障卡", "shebaoka", "sbk", "shehuibaozhangka"})
    void findsTheSocialSecurityCardApplicationFirst(String text) throws Exception {
        JsonNode hit = search(q(text)).get("hits").get(0);
        assertThat(hit.get("code").asString()).isEqualTo(CARD_APPLICATION);
        assertThat(hit.get("name").asString()).isEqualTo("社会保障卡申领");
        assertThat(hit.get("departmentCode").asString()).isEqualTo(HUMAN_RESOURCES);
        assertThat(hit.get("departmentName").asString()).contains("人力资源和社会保障局");
        assertThat(hit.get("audiences").toString()).isEqualTo("[\"PERSON\"]");
        assertThat(hit.get("themes").toString()).isEqualTo("[\"SOCIAL_SECURITY\"]");
        assertThat(hit.get("onlineDepth").asString()).isEqualTo("ELECTRONIC_LICENCE");
        assertThat(hit.get("promisedLimit").asString()).isNotBlank();
        assertThat(hit.has("onSiteVisits")).isTrue();
    }

    @Test
    void businessLicenceFindsCompanyRegistrations() throws Exception {
        JsonNode result = search(q("营业执照") + "&audience=ENTERPRISE&size=5");
        assertThat(result.get("hits").get(0).get("name").asString()).contains("登记");
        assertThat(result.get("hits").get(0).get("departmentCode").asString()).isEqualTo(MARKET_REGULATION);
        assertThat(result.get("size").asInt()).isEqualTo(5);
        assertThat(result.get("total").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void filtersByAudienceThemeDepartmentRegionAndDepth() throws Exception {
        assertThat(codes(search(q("社保卡") + "&audience=ENTERPRISE"))).doesNotContain(CARD_APPLICATION);
        JsonNode social = search("theme=SOCIAL_SECURITY&size=100");
        social.get("hits").forEach(h -> assertThat(h.get("themes").toString()).contains("SOCIAL_SECURITY"));
        assertThat(codes(social)).contains(CARD_APPLICATION);
        JsonNode department = search("department=" + HUMAN_RESOURCES + "&size=100");
        assertThat(department.get("total").asLong()).isGreaterThanOrEqualTo(7);
        department.get("hits").forEach(h -> assertThat(h.get("departmentCode").asString()).isEqualTo(HUMAN_RESOURCES));
        long shenzhen = search("region=4403").get("total").asLong();
        long futian = search("region=440304").get("total").asLong();
        long all = search("").get("total").asLong();
        assertThat(futian).isPositive().isLessThan(shenzhen);
        assertThat(shenzhen).isLessThan(all);
        assertThat(search("region=31").get("total").asLong()).isZero();
        search("depth=7&size=100").get("hits")
                .forEach(h -> assertThat(h.get("onlineDepth").asString()).isEqualTo("ELECTRONIC_LICENCE"));
    }

    @Test
    void pagesAndFacets() throws Exception {
        JsonNode first = search("size=3&page=0&facets=true");
        JsonNode second = search("size=3&page=1");
        assertThat(first.get("hits")).hasSize(3);
        assertThat(codes(second)).hasSize(3).doesNotContainAnyElementsOf(codes(first));
        long total = first.get("total").asLong();
        assertThat(first.get("facets").get("audiences").get("PERSON").asLong()).isPositive().isLessThan(total);
        assertThat(first.get("facets").get("themes").get("SOCIAL_SECURITY").asLong()).isPositive();
        assertThat(second.has("facets")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "audience=ALIEN, INVALID_PARAMETER",
            "theme=PARTY, INVALID_PARAMETER",
            "page=x, INVALID_PARAMETER",
            "size=0, CATALOG_SEARCH_INVALID_SIZE",
            "size=1000, CATALOG_SEARCH_INVALID_SIZE",
            "page=-1, CATALOG_SEARCH_INVALID_PAGE",
            "page=500&size=100, CATALOG_SEARCH_PAGE_TOO_DEEP",
            "department=91440300192203821X, INVALID_CREDIT_CODE",
            "region=99, INVALID_DIVISION_CODE",
            "region=4403x, INVALID_DIVISION_CODE",
            "depth=8, CATALOG_SEARCH_INVALID_DEPTH",
            "facets=yes, INVALID_PARAMETER"})
    void malformedParametersAreRefused(String query, String code) throws Exception {
        HttpResponse<String> response = get(query);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.has("code")).as(response.body()).isTrue();
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("detail").asString()).isNotEqualTo(code);
    }

    @Test
    void aTooLongTextIsRefused() throws Exception {
        HttpResponse<String> response = get(q("社".repeat(101)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo("CATALOG_SEARCH_TEXT_TOO_LONG");
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("100");
        assertThat(get(q("社".repeat(100))).statusCode()).isEqualTo(200);
    }

    @Test
    void publishedItemsBecomeSearchableAndWithdrawnOnesDisappear() throws Exception {
        String code = MARKET_REGULATION + String.format("%013d", System.currentTimeMillis());
        PublishedItem item = SearchFixtures.item(code, "电子竞技场馆备案", CreditCode.of(MARKET_REGULATION),
                List.of("电竞馆"), List.of("场馆平面图"), Set.of(ServiceObject.ENTERPRISE),
                Set.of(Theme.OPERATING_PERMITS), OnlineDepth.ONLINE_HANDLING);
        String query = q("电竞馆") + "&size=100";

        admin("", json.writeValueAsString(item.content()));
        assertThat(codes(search(query))).as("drafts are not searchable").doesNotContain(code);
        admin("/" + code + "/publish", "");
        assertThat(codes(search(query))).contains(code);
        assertThat(codes(search(q("dianjingguan") + "&size=100"))).contains(code);

        admin("/" + code + "/suspend", "{\"reason\":\"场馆整改\"}");
        assertThat(codes(search(query))).doesNotContain(code);
    }

    @Test
    void documentedInOpenApiAndReportedInHealth() throws Exception {
        JsonNode docs = json.readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<String> names = new ArrayList<>();
        docs.get("paths").get("/api/v1/items").get("get").get("parameters")
                .forEach(p -> names.add(p.get("name").asString()));
        assertThat(names).contains("q", "audience", "theme", "department", "region", "depth", "page", "size");
        JsonNode health = json.readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(health.get("components").get("search").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("search").get("details").get("indexed").asLong()).isPositive();
    }

    void admin(String path, String body) throws Exception {
        if (staff == null) {
            staff = StaffLogin.session(context, port, "scjg-admin");
        }
        HttpResponse<String> response = staff.send("POST", "/api/v1/admin/items" + path, body);
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    }
}
