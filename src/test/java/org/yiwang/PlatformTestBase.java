package org.yiwang;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.identity.PersonProfile;
import org.yiwang.identity.PersonProfiles;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.identity.oidc.SigningKeys;
import org.yiwang.identity.oidc.TestTokens;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;
import org.yiwang.shared.IdNumber;

/**
 * What integration tests of several modules share: the demo citizens, staff made up for a test, unique numbers, and
 * HTTP helpers with bearer tokens against the running platform.
 */
@IntegrationTest
public abstract class PlatformTestBase {

    public static final String ZHANG_SAN = "440304198503120013";
    public static final String LI_NA = "440305199007180026";
    public static final String WANG_WU = "440306197802050033";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @Autowired
    protected PersonProfiles profiles;
    @Autowired
    protected SigningKeys keys;
    @Autowired
    protected JdbcClient jdbc;
    @LocalServerPort
    protected int port;

    /** A number no other test of this run gets. */
    protected static int nextNumber() {
        return SEQUENCE.incrementAndGet();
    }

    /** A staff member of {@code department} in {@code region}, with a username of their own. */
    protected static Staff staff(String department, String region, StaffRole... roles) {
        return new Staff("t" + nextNumber(), "测试" + roles[0].label(), CreditCode.of(department),
                DivisionCode.of(region), Set.of(roles));
    }

    protected PersonProfile profile(String idNumber) {
        return profiles.findByIdNumber(IdNumber.of(idNumber)).orElseThrow();
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    /** A bearer token of the citizen. */
    protected String token(String idNumber) {
        return TestTokens.person(keys, base(), profile(idNumber).accountId().value(), "person", null);
    }

    /** A bearer token of the citizen acting for an enterprise ({@code accountType} enterprise or agent). */
    protected String token(String idNumber, String creditCode, String accountType) {
        return TestTokens.person(keys, base(), profile(idNumber).accountId().value(), accountType, creditCode);
    }

    protected HttpRequest.Builder request(String path, @Nullable String token) {
        var builder = HttpRequest.newBuilder(URI.create(base() + path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    protected <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HttpClient.newHttpClient().send(request.build(), handler);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path, @Nullable String token) {
        return send(request(path, token).GET());
    }

    protected HttpResponse<byte[]> download(String path, @Nullable String token) {
        return send(request(path, token).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A JSON POST; {@code headers} are name, value pairs. */
    protected HttpResponse<String> postJson(String path, @Nullable String token, String json, String... headers) {
        var builder = request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    /** A multipart upload of one file under the part name {@code file}. */
    protected HttpResponse<String> upload(String path, @Nullable String token, String fileName, byte[] bytes) {
        String boundary = "----yiwang" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bytes.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bytes, 0, body, head.length, bytes.length);
        System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
        return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }
}
