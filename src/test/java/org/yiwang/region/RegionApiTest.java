package org.yiwang.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yiwang.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class RegionApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listsProvinces() throws Exception {
        JsonNode provinces = ok("/api/v1/regions");
        assertThat(provinces.size()).isEqualTo(31);
        assertThat(provinces.valueStream().map(p -> p.get("code").asString())).contains("11", "44", "65")
                .doesNotContain("71", "81", "82");
    }

    @Test
    void showsARegionWithItsPath() throws Exception {
        JsonNode street = ok("/api/v1/regions/440304011");
        assertThat(street.get("name").asString()).isEqualTo("华强北街道");
        assertThat(street.get("level").asString()).isEqualTo("TOWNSHIP");
        assertThat(street.get("parentCode").asString()).isEqualTo("440304");
        assertThat(street.get("path").valueStream().map(a -> a.get("name").asString()))
                .containsExactly("广东省", "深圳市", "福田区");
        assertThat(ok("/api/v1/regions/130171").get("statisticalOnly").asBoolean()).isTrue();
    }

    @Test
    void listsChildren() throws Exception {
        JsonNode streets = ok("/api/v1/regions/440304/children");
        assertThat(streets.size()).isEqualTo(11);
        streets.forEach(s -> assertThat(s.get("parentCode").asString()).isEqualTo("440304"));
        assertThat(ok("/api/v1/regions/440300/children").valueStream().map(c -> c.get("name").asString()))
                .contains("福田区", "南山区");
        assertThat(ok("/api/v1/regions/440304001/children").size()).isZero();
    }

    @Test
    void refusesMalformedAndUnknownCodes() throws Exception {
        problem("/api/v1/regions/44a3", 400, "INVALID_DIVISION_CODE");
        problem("/api/v1/regions/12345", 400, "INVALID_DIVISION_CODE");
        problem("/api/v1/regions/99", 400, "INVALID_DIVISION_CODE");
        problem("/api/v1/regions/449999", 404, "REGION_NOT_FOUND");
        problem("/api/v1/regions/449999/children", 404, "REGION_NOT_FOUND");
        problem("/api/v1/regions/4x/children", 400, "INVALID_DIVISION_CODE");
    }

    @Test
    void showsTheNodeProfile() throws Exception {
        JsonNode node = ok("/api/v1/node");
        assertThat(node.get("level").asString()).isEqualTo("PROVINCE");
        assertThat(node.get("regionCode").asString()).isEqualTo("44");
        assertThat(node.get("regionName").asString()).isEqualTo("广东省");
        assertThat(node.get("name").asString()).isEqualTo("广东政务服务网");
    }

    private JsonNode ok(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return json.readTree(r.body());
    }

    private void problem(String path, int status, String code) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        JsonNode p = json.readTree(r.body());
        assertThat(p.get("code").asString()).isEqualTo(code);
        assertThat(p.get("detail").asString()).contains(path.split("/")[4]);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
