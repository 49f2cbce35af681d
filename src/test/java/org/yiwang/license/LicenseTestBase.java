package org.yiwang.license;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;
import org.yiwang.cases.CaseView;
import org.yiwang.cases.Workbench;
import org.yiwang.identity.PersonProfile;
import org.yiwang.identity.PersonProfiles;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.identity.enterprise.Enterprises;
import org.yiwang.identity.oidc.SigningKeys;
import org.yiwang.identity.oidc.TestTokens;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;
import org.yiwang.shared.IdNumber;

/**
 * What licence tests share: the demo citizens and enterprises, staff of the issuing departments, a marriage
 * registration completed at the 福田 window (即办件: accepted is completed), direct issuance and HTTP helpers.
 */
@IntegrationTest
abstract class LicenseTestBase {

    static final String FUTIAN_CIVIL = "11440304007550312P";
    static final String SHENZHEN_MARKET = "11440300MB2C922610";
    static final String MARRIAGE_ITEM = "11440304007550312P0700114001000";
    static final String MARRIAGE = "11100000000013186G001";
    static final String FOOD = "11100000MB0143028R002";
    static final String ZHANG_SAN = "440304198503120013";
    static final String LI_NA = "440305199007180026";
    static final String WANG_WU = "440306197802050033";
    /** 深圳市南山海岸餐饮管理有限公司, represented by 李娜. */
    static final String RESTAURANT = "91440305MA5H2D8Q1B";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @Autowired
    Workbench workbench;
    @Autowired
    LicenseIssuance issuance;
    @Autowired
    LicenseStore store;
    @Autowired
    CaseLicenses caseLicenses;
    @Autowired
    PersonProfiles profiles;
    @Autowired
    Enterprises enterprises;
    @Autowired
    SigningKeys keys;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    static Staff staff(String department, String region, StaffRole... roles) {
        return new Staff("lt" + SEQUENCE.incrementAndGet(), "测试" + roles[0].label(), CreditCode.of(department),
                DivisionCode.of(region), Set.of(roles));
    }

    static Staff marketReviewer() {
        return staff(SHENZHEN_MARKET, "4403", StaffRole.REVIEWER);
    }

    /** 张三 marries 李娜 at the 福田 window: registered and accepted, which completes the immediate item. */
    String marriageCompleted() {
        Staff clerk = staff(FUTIAN_CIVIL, "440304", StaffRole.WINDOW_CLERK);
        CaseView registered = workbench.registerWalkIn(clerk, new Workbench.WalkIn(MARRIAGE_ITEM, "张三", ZHANG_SAN,
                "13700000001", Map.of("partnerName", "李娜", "partnerIdNumber", LI_NA, "appointmentDate",
                        "2026-05-20"), Map.of("military", "no"), List.of("m1", "m2", "m3")),
                UUID.randomUUID().toString());
        workbench.accept(clerk, registered.caseNumber(), null, "材料齐全，当场登记");
        return registered.caseNumber();
    }

    IssuedLicense foodLicence(String holder, String holderName) {
        return issuance.issue(marketReviewer(), new LicenseIssuance.Issue(FOOD, new LicenseIssuance.Holder(
                LicenseType.HolderKind.ENTERPRISE, holderName, holder), Map.of("premisesAddress",
                "深圳市南山区海德三道1号", "mainBusiness", "餐饮服务经营者", "businessItems", "热食类食品制售"), null));
    }

    PersonProfile profile(String idNumber) {
        return profiles.findByIdNumber(IdNumber.of(idNumber)).orElseThrow();
    }

    // --- HTTP ---

    String base() {
        return "http://localhost:" + port;
    }

    String token(String idNumber) {
        return TestTokens.person(keys, base(), profile(idNumber).accountId().value(), "person", null);
    }

    /** A token of 李娜 acting as the restaurant's legal representative. */
    String restaurantToken() {
        enterprises.claim(profile(LI_NA).accountId(), RESTAURANT, "深圳市南山海岸餐饮管理有限公司");
        return TestTokens.person(keys, base(), profile(LI_NA).accountId().value(), "enterprise", RESTAURANT);
    }

    HttpRequest.Builder request(String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create(base() + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HttpClient.newHttpClient().send(request.build(), handler);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> download(String path, String token) {
        return send(request(path, token).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> postJson(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart upload of one file under the part name {@code file}. */
    HttpResponse<String> upload(String path, String fileName, byte[] bytes) {
        String boundary = "----yiwang" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        return send(request(path, null).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), HttpResponse.BodyHandlers.ofString());
    }
}
