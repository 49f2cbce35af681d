package org.yiwang.benchmark;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * 200 concurrent users searching the published items with a mix of Chinese words, pinyin, initials, filters and
 * browsing; each user sends one request and is replaced at once (closed model). A warm-up runs first and is
 * reported apart ({@code warm-up}); the figures are those of {@code search}.
 */
public class SearchSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("benchmark.baseUrl", "http://localhost:18080");
    static final int USERS = Integer.getInteger("benchmark.users", 200);
    static final int SECONDS = Integer.getInteger("benchmark.seconds", 60);
    static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.warmUpSeconds", 20);

    /** Query strings as a portal or app sends them: text searches, filtered searches, browsing, later pages. */
    static final List<Map<String, Object>> QUERIES = Stream.of(
            "q=社保卡", "q=社会保障卡", "q=营业执照", "q=身份证", "q=驾驶证", "q=公积金提取", "q=护照", "q=出生证明",
            "q=食品经营许可证", "q=养老保险", "q=医保", "q=居住证", "q=结婚登记", "q=户口迁入", "q=失业金",
            "q=施工许可", "q=排污许可证", "q=低保", "q=教师资格", "q=房产证", "q=公司注销", "q=跨省通办",
            "q=社保卡补领", "q=营业执照变更", "q=怎么办理身份证", "q=公积金&page=1", "q=许可证&page=2",
            "q=shebaoka", "q=sbk", "q=yyzz", "q=gongjijin", "q=gjj", "q=huzhao", "q=jiashizheng", "q=sheb",
            "q=yingye", "q=jzz",
            "q=社保卡&audience=PERSON", "q=营业执照&audience=ENTERPRISE", "q=许可证&region=440304",
            "q=登记&theme=MARRIAGE", "q=申领&depth=6", "q=医保&region=4403&audience=PERSON",
            "theme=SOCIAL_SECURITY", "audience=ENTERPRISE&theme=ESTABLISHMENT", "region=440304",
            "region=4403&depth=7", "", "page=3", "theme=HOUSING&page=1&size=20")
            .map(SearchSimulation::parameters).toList();

    static Map<String, Object> parameters(String query) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv[1]);
            }
        }
        return Map.of("params", params);
    }

    static final Iterator<Map<String, Object>> FEEDER = Stream.generate(
            () -> QUERIES.get(ThreadLocalRandom.current().nextInt(QUERIES.size()))).iterator();

    static ChainBuilder search(String name) {
        return feed(FEEDER).exec(http(name).get("/api/v1/items").queryParamMap("#{params}").check(status().is(200)));
    }

    {
        setUp(
                scenario("warm-up").exec(search("warm-up"))
                        .injectClosed(constantConcurrentUsers(USERS).during(WARM_UP_SECONDS))
                        .andThen(scenario("search").exec(search("search"))
                                .injectClosed(constantConcurrentUsers(USERS).during(SECONDS))))
                .protocols(http.baseUrl(BASE_URL).acceptHeader("application/json").shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }

    /** Waits until the application reports the search index as built. */
    @Override
    public void before() {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                        URI.create(BASE_URL + "/actuator/health/search")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.body().contains("\"status\":\"UP\"")) {
                    return;
                }
                System.out.println("Waiting for the search index: " + health.body());
            } catch (java.io.IOException e) {
                System.out.println("Waiting for the application: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("search index not ready after 15 minutes");
    }
}
