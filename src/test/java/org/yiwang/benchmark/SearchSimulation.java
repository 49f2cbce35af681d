package org.yiwang.benchmark;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
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
 * 200 concurrent users searching the published items with a mix of popular searches (Chinese words, pinyin,
 * initials, filters, browsing) and searches generated from the catalogue's vocabulary. Each user searches once
 * every {@code benchmark.paceMs} milliseconds (default 160 ms, so 200 users offer 1,250 searches per second), as
 * people on a portal do; a server that falls behind shows it in both the latency and the achieved rate. (With no
 * pause at all, 200 users would measure only queueing: by Little's law their latency is 200 / throughput.) A
 * warm-up runs first and is reported apart ({@code warm-up}); the figures are those of {@code search}.
 */
public class SearchSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("benchmark.baseUrl", "http://localhost:18080");
    static final int USERS = Integer.getInteger("benchmark.users", 200);
    static final int SECONDS = Integer.getInteger("benchmark.seconds", 60);
    static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.warmUpSeconds", 40);
    static final int PACE_MS = Integer.getInteger("benchmark.paceMs", 160);

    /** Subjects, their common short names and actions of the generated catalogue (see BenchmarkCatalogue). */
    static final List<String> SUBJECTS = List.of("社会保障卡", "营业执照", "居民身份证", "机动车驾驶证", "住房公积金",
            "普通护照", "出生医学证明", "食品经营许可证", "基本养老保险", "城乡居民医疗保险", "居住证", "结婚登记", "户口",
            "失业保险金", "建筑工程施工许可证", "排污许可证", "药品经营许可证", "道路运输经营许可证", "劳务派遣经营许可证",
            "建筑业企业资质", "增值税发票", "公共场所卫生许可证", "特种设备使用登记证", "高龄津贴", "最低生活保障",
            "残疾人证", "教师资格证", "不动产权证书", "企业注销", "医疗机构执业许可证", "火化证明", "人力资源服务许可证");
    static final List<String> SHORT_NAMES = List.of("社保卡", "执照", "身份证", "驾照", "公积金", "护照", "出生证",
            "食品许可", "养老保险", "医保", "居住证", "结婚证", "落户", "失业金", "施工许可", "排污证", "药店许可",
            "运输证", "劳务派遣", "建筑资质", "发票", "卫生许可", "电梯登记", "老人补贴", "低保", "残疾证", "教资",
            "房产证", "公司注销", "开诊所", "殡葬", "职业中介");
    static final List<String> ACTIONS = List.of("申领", "补领", "换领", "变更", "注销", "核发", "延续", "备案", "登记",
            "查询", "提取", "认定", "转移接续", "信息修改");
    static final List<String> FILTERS = List.of("", "", "", "audience=PERSON", "audience=ENTERPRISE", "region=4403",
            "region=440304", "depth=5", "page=1", "page=2");

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

    /** Half popular searches, half generated ones (a subject, short name or subject + action, with a filter). */
    static final Iterator<Map<String, Object>> FEEDER = Stream.generate(SearchSimulation::nextQuery).iterator();

    static Map<String, Object> nextQuery() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextBoolean()) {
            return QUERIES.get(random.nextInt(QUERIES.size()));
        }
        int subject = random.nextInt(SUBJECTS.size());
        String text = switch (random.nextInt(3)) {
            case 0 -> SUBJECTS.get(subject);
            case 1 -> SHORT_NAMES.get(subject);
            default -> SUBJECTS.get(subject) + ACTIONS.get(random.nextInt(ACTIONS.size()));
        };
        String filter = FILTERS.get(random.nextInt(FILTERS.size()));
        return parameters("q=" + text + (filter.isEmpty() ? "" : "&" + filter));
    }

    static ChainBuilder searches(String name, int seconds) {
        return during(Duration.ofSeconds(seconds)).on(pace(Duration.ofMillis(PACE_MS)).feed(FEEDER)
                .exec(http(name).get("/api/v1/items").queryParamMap("#{params}").check(status().is(200))));
    }

    {
        setUp(scenario("search")
                        .exec(searches("warm-up", WARM_UP_SECONDS), searches("search", SECONDS))
                        .injectOpen(rampUsers(USERS).during(Duration.ofSeconds(1))))
                .protocols(http.baseUrl(BASE_URL).acceptHeader("application/json").shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        awaitSearchIndex();
    }

    /** Waits until the application reports the search index as built (building it takes both cores). */
    static void awaitSearchIndex() {
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
