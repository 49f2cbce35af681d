package org.yiwang.department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.yiwang.IntegrationTest;
import org.yiwang.shared.CreditCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class DepartmentApiTest {

    // Valid GB 32100 codes made up for these tests.
    static final String STREET = "11440304T0000001XJ";
    static final String COUNTY = "11440304T00000028J";
    static final String CITY = "11440300T00000036K";
    static final String CREATED = "11440304T000000523";
    static final String UNKNOWN = "11440304T00000060X";

    @LocalServerPort
    int port;
    @Autowired
    DepartmentAdministration administration;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    WebApplicationContext context;

    final HttpClient http = HttpClient.newHttpClient();
    MockMvc mvc;

    @BeforeEach
    void departments() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        for (DepartmentForm f : List.of(
                form(STREET, "深圳市福田区南园街道办事处", "440304001", "TOWNSHIP"),
                form(COUNTY, "深圳市福田区测试局", "440304", "county"),
                form(CITY, "深圳市测试局", "440300", "CITY"))) {
            if (jdbc.sql("select count(*) from department where credit_code = ?").param(f.creditCode())
                    .query(Integer.class).single() == 0) {
                administration.create(f);
            }
        }
    }

    @Test
    void testCodesAreValid() {
        for (String code : List.of(STREET, COUNTY, CITY, CREATED, UNKNOWN)) {
            assertThat(CreditCode.isValid(code)).as(code).isTrue();
        }
    }

    @Test
    void regionFilterIncludesSubRegions() throws Exception {
        assertThat(codes(get("/api/v1/departments?region=440304").body()))
                .contains(STREET, COUNTY).doesNotContain(CITY);
        assertThat(codes(get("/api/v1/departments?region=4403").body())).contains(STREET, COUNTY, CITY);
        assertThat(codes(get("/api/v1/departments?region=440304001").body())).contains(STREET).doesNotContain(COUNTY);
        assertThat(codes(get("/api/v1/departments?region=440300").body())).contains(STREET, COUNTY, CITY);
    }

    @Test
    void levelFilter() throws Exception {
        List<String> codes = codes(get("/api/v1/departments?region=4403&level=COUNTY").body());
        assertThat(codes).contains(COUNTY).doesNotContain(STREET, CITY);
        JsonNode all = json.readTree(get("/api/v1/departments?level=county").body());
        all.forEach(d -> assertThat(d.get("level").asString()).isEqualTo("COUNTY"));
    }

    @Test
    void showsOneDepartmentWithRegionName() throws Exception {
        HttpResponse<String> r = get("/api/v1/departments/" + STREET.toLowerCase());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode d = json.readTree(r.body());
        assertThat(d.get("creditCode").asString()).isEqualTo(STREET);
        assertThat(d.get("name").asString()).isEqualTo("深圳市福田区南园街道办事处");
        assertThat(d.get("regionName").asString()).isEqualTo("南园街道");
        assertThat(d.get("levelLabel").asString()).isEqualTo("乡镇（街道）级");
    }

    @Test
    void storesTheRegionCodeOfTheRegionTree() throws Exception {
        assertThat(json.readTree(get("/api/v1/departments/" + CITY).body()).get("regionCode").asString())
                .isEqualTo("4403");
    }

    @Test
    void refusesBadInput() throws Exception {
        assertProblem(get("/api/v1/departments/91350100M000100Y44"), 400, "INVALID_CREDIT_CODE");
        assertProblem(get("/api/v1/departments/" + UNKNOWN), 404, "DEPARTMENT_NOT_FOUND");
        assertProblem(get("/api/v1/departments?region=4x03"), 400, "INVALID_DIVISION_CODE");
        assertProblem(get("/api/v1/departments?region=449999"), 400, "DEPARTMENT_REGION_UNKNOWN");
        assertProblem(get("/api/v1/departments?level=PLANET"), 400, "DEPARTMENT_LEVEL_INVALID");
    }

    @Test
    void adminNeedsLoginAndPlatformAdminRole() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/admin/departments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(form(CREATED, "x", "440304", "COUNTY")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        var response = mvc.perform(post("/api/v1/admin/departments").with(user("d").roles("DEPARTMENT_ADMIN")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body(form(CREATED, "x", "440304", "COUNTY"))))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(count(CREATED)).isZero();
    }

    @Test
    void adminCreateRefusesInvalidDataAndChangesNothing() throws Exception {
        int before = total();
        assertAdminProblem(form("91350100M000100Y44", "某局", "440304", "COUNTY"), 400, "INVALID_CREDIT_CODE");
        assertAdminProblem(form(CREATED, "某局", "449999", "COUNTY"), 400, "DEPARTMENT_REGION_UNKNOWN");
        assertAdminProblem(form(CREATED, "某局", "44x", "COUNTY"), 400, "INVALID_DIVISION_CODE");
        assertAdminProblem(form(CREATED, " ", "440304", "COUNTY"), 400, "DEPARTMENT_FIELD_INVALID");
        assertAdminProblem(form(CREATED, "某局", "440304", "GALAXY"), 400, "DEPARTMENT_LEVEL_INVALID");
        assertAdminProblem(form(STREET, "重复", "440304", "COUNTY"), 409, "DEPARTMENT_ALREADY_EXISTS");
        assertThat(total()).isEqualTo(before);
        assertThat(jdbc.sql("select name from department where credit_code = ?").param(STREET).query(String.class)
                .single()).isEqualTo("深圳市福田区南园街道办事处");
    }

    @Test
    void adminCreatesAndUpdates() throws Exception {
        String code = "11440000T00000044Y";
        jdbc.sql("delete from department where credit_code = ?").param(code).update(); // the database may persist
        var created = mvc.perform(post("/api/v1/admin/departments").with(user("p").roles("PLATFORM_ADMIN")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body(form(code, "广东省测试厅", "44", "PROVINCE"))))
                .andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getHeader("Location")).isEqualTo("/api/v1/departments/" + code);
        assertThat(json.readTree(get("/api/v1/departments/" + code).body()).get("name").asString())
                .isEqualTo("广东省测试厅");

        var updated = mvc.perform(put("/api/v1/admin/departments/" + code).with(user("p").roles("PLATFORM_ADMIN")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body(form(code, "广东省测验厅", "44", "PROVINCE"))))
                .andReturn().getResponse();
        assertThat(updated.getStatus()).isEqualTo(200);
        assertThat(json.readTree(get("/api/v1/departments/" + code).body()).get("name").asString())
                .isEqualTo("广东省测验厅");

        var mismatch = mvc.perform(put("/api/v1/admin/departments/" + code).with(user("p").roles("PLATFORM_ADMIN")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body(form(STREET, "改名", "44", "PROVINCE"))))
                .andReturn().getResponse();
        assertThat(mismatch.getStatus()).isEqualTo(400);
        var missing = mvc.perform(put("/api/v1/admin/departments/" + UNKNOWN).with(user("p").roles("PLATFORM_ADMIN")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body(form(UNKNOWN, "无", "44", "PROVINCE"))))
                .andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(count(UNKNOWN)).isZero();
    }

    private void assertAdminProblem(DepartmentForm f, int status, String code) throws Exception {
        var r = mvc.perform(post("/api/v1/admin/departments").with(user("p").roles("PLATFORM_ADMIN")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body(f))).andReturn().getResponse();
        assertThat(r.getStatus()).as(code).isEqualTo(status);
        assertThat(json.readTree(r.getContentAsString()).get("code").asString()).isEqualTo(code);
    }

    private void assertProblem(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(status);
        JsonNode p = json.readTree(r.body());
        assertThat(p.get("code").asString()).isEqualTo(code);
        assertThat(p.get("detail").asString()).isNotBlank().isNotEqualTo(code);
    }

    private static DepartmentForm form(String code, String name, String region, String level) {
        return new DepartmentForm(code, name, name, region, level, "深圳市福田区福中三路", "0755-12345", "工作日 9:00-18:00",
                null);
    }

    private String body(DepartmentForm f) {
        return json.writeValueAsString(f);
    }

    private int count(String code) {
        return jdbc.sql("select count(*) from department where credit_code = ?").param(code).query(Integer.class)
                .single();
    }

    private int total() {
        return jdbc.sql("select count(*) from department").query(Integer.class).single();
    }

    private List<String> codes(String body) {
        return json.readTree(body).valueStream().map(d -> d.get("creditCode").asString()).toList();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

}
