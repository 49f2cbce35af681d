package org.yiwang.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case handling under load: demo citizens submit applications for 困难残疾人生活补贴申请 (福田区民政局, 10 working days,
 * no uploads; the benchmark's own item) through {@code POST /api/v1/applications} at an open rate, a share of them
 * twice with the same {@code Idempotency-Key} as a double click does, and one that failed (no answer in time, or an
 * error) sent once more with its key, as a client does; meanwhile clerks take the submitted cases one by
 * one and accept (窗口 {@code ft-clerk}), review ({@code ft-reviewer}), approve ({@code ft-approver}) and complete them
 * ({@code ft-clerk}) through the staff API, each with a bearer token from a real login. A warm-up runs first and is
 * reported apart ({@code warm-up-…}). At the end every case the server holds for the item is compared with the case
 * numbers the submissions were answered with: none may be missing, none unexpected, no retry may have made a second
 * case, and every case the clerks completed must be completed on the server. The result goes to
 * {@code cases-check.json} beside the figures.
 */
public class CaseSimulation extends Simulation {

    static final String BASE_URL = SearchSimulation.BASE_URL;
    static final int SECONDS = SearchSimulation.SECONDS;
    static final int WARM_UP_SECONDS = SearchSimulation.WARM_UP_SECONDS;
    static final double SUBMIT_RATE = Double.parseDouble(System.getProperty("benchmark.submitRate", "220"));
    static final int CLERKS = Integer.getInteger("benchmark.clerks", 24);
    static final double RETRY_SHARE = 0.05;
    static final Path OUT = Path.of(System.getProperty("benchmark.out", "target/benchmark"));

    static final int TARGET_SUBMITTED_PER_SECOND = 200;
    static final int TARGET_COMPLETED_PER_SECOND = 100;
    static final List<String> STEPS = List.of("accept", "review", "decision", "complete");

    static final String ITEM = "11440304007550312P0500114003000";
    static final String APPLICATION = """
            {"itemCode":"%s","formValues":{"disabilityCertificateNumber":"44030419850312001342",\
            "bankAccount":"6222020200012345678"}}""".formatted(ITEM);

    /** Submitted cases waiting for a clerk. */
    static final Queue<String> SUBMITTED = new ConcurrentLinkedQueue<>();
    /** Every case number a first submission was answered with. */
    static final Set<String> CASES = ConcurrentHashMap.newKeySet();
    static final Set<String> COMPLETED = ConcurrentHashMap.newKeySet();
    static final AtomicLong SUBMISSIONS = new AtomicLong();
    static final AtomicLong RETRIES = new AtomicLong();
    static final AtomicLong RETRIES_WITH_ANOTHER_CASE = new AtomicLong();
    static final AtomicLong NUMBERS_ANSWERED_TWICE = new AtomicLong();

    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    static final List<String> CITIZENS = IdentitySimulation.CITIZENS;

    static ChainBuilder submit(String name) {
        return exec(session -> session.set("applicant", "Bearer " + TOKENS.get(
                        CITIZENS.get(ThreadLocalRandom.current().nextInt(CITIZENS.size()))))
                .set("key", UUID.randomUUID().toString())
                .set("retry", ThreadLocalRandom.current().nextDouble() < RETRY_SHARE))
                .tryMax(2).on(exec(application(name).check(jsonPath("$.caseNumber").saveAs("caseNumber"))))
                .exitHereIfFailed()
                .exec(session -> {
                    SUBMISSIONS.incrementAndGet();
                    String number = session.getString("caseNumber");
                    if (CASES.add(number)) {
                        SUBMITTED.add(number);
                    } else {
                        NUMBERS_ANSWERED_TWICE.incrementAndGet();
                    }
                    return session;
                })
                .doIf("#{retry}").then(exec(application(name + "-retry").check(jsonPath("$.caseNumber")
                        .saveAs("retriedNumber"))).exec(session -> {
                            String retried = session.getString("retriedNumber");
                            if (retried == null) {
                                return session; // not answered: a failed request, counted as such
                            }
                            RETRIES.incrementAndGet();
                            if (!session.getString("caseNumber").equals(retried)) {
                                RETRIES_WITH_ANOTHER_CASE.incrementAndGet();
                            }
                            return session;
                        }));
    }

    private static HttpRequestActionBuilder application(String name) {
        return http(name).post("/api/v1/applications").header("Authorization", "#{applicant}")
                .header("Idempotency-Key", "#{key}").body(StringBody(APPLICATION)).asJson()
                .check(status().is(201));
    }

    /** A clerk's loop: the next submitted case through acceptance, review, decision and completion. */
    static ChainBuilder handle(String prefix, int seconds) {
        return during(Duration.ofSeconds(seconds)).on(exec(session -> {
            String number = SUBMITTED.poll();
            return number == null ? session.remove("case") : session.set("case", number);
        }).doIfOrElse(session -> session.contains("case")).then(exitBlockOnFail().on(
                step(prefix + "accept", "accept", "ft-clerk", "{\"opinion\":\"材料齐全，予以受理\"}")
                        .check(jsonPath("$.promisedCompletionDate").exists()),
                step(prefix + "review", "review", "ft-reviewer", "{\"opinion\":\"符合补贴条件\"}"),
                step(prefix + "decision", "decision", "ft-approver", "{\"approve\":true}"),
                step(prefix + "complete", "completion", "ft-clerk", "{}")
                        .check(jsonPath("$.state").is("COMPLETED")),
                exec(session -> {
                    COMPLETED.add(session.getString("case"));
                    return session;
                }))).orElse(pause(Duration.ofMillis(20))));
    }

    private static HttpRequestActionBuilder step(String name, String action, String staff, String body) {
        return http(name).post("/api/v1/cases/#{case}/" + action)
                .header("Authorization", session -> "Bearer " + TOKENS.get(staff))
                .body(StringBody(body)).asJson().check(status().is(200));
    }

    static PopulationBuilder submitters(String name, int seconds) {
        return scenario(name).exec(submit(name)).injectOpen(constantUsersPerSec(SUBMIT_RATE).during(seconds));
    }

    static PopulationBuilder clerks(String name, String prefix, int seconds) {
        return scenario(name).exec(handle(prefix, seconds)).injectOpen(atOnceUsers(CLERKS));
    }

    {
        setUp(submitters("warm-up-submit", WARM_UP_SECONDS).andThen(submitters("submit", SECONDS)),
                clerks("warm-up-clerks", "warm-up-", WARM_UP_SECONDS).andThen(clerks("clerks", "", SECONDS)))
                .protocols(http.baseUrl(BASE_URL).acceptHeader("application/json")
                        .header("Accept-Language", "zh-CN").shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        SearchSimulation.awaitSearchIndex();
        BenchmarkLogins logins = new BenchmarkLogins(BASE_URL);
        CITIZENS.forEach(mobile -> TOKENS.put(mobile, logins.citizen(mobile, IdentitySimulation.PASSWORD)));
        TOKENS.put("ft-clerk", logins.staff("ft-clerk", "Demo@12345", "TS6GWPFSBZTK6VSOMXDO32XS4SPYGM7I"));
        TOKENS.put("ft-reviewer", logins.staff("ft-reviewer", "Demo@12345", "3VWNBTBZVR6BRU4WIDQXY6ARA6BIDTJJ"));
        TOKENS.put("ft-approver", logins.staff("ft-approver", "Demo@12345", "7HTM5L6G4CV4OEOJ4XYL4WSB2K7HNJZE"));
    }

    /** Compares what the server holds for the item with what the submissions and the clerks were told. */
    @Override
    public void after() {
        Map<String, String> onServer = serverCases();
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("submissions", SUBMISSIONS.get());
        check.put("caseNumbersAnswered", CASES.size());
        check.put("caseNumbersAnsweredTwice", NUMBERS_ANSWERED_TWICE.get());
        check.put("retriedSubmissions", RETRIES.get());
        check.put("retriesAnsweredWithAnotherCase", RETRIES_WITH_ANOTHER_CASE.get());
        check.put("casesOnServer", onServer.size());
        long missing = CASES.stream().filter(n -> !onServer.containsKey(n)).count();
        long unexpected = onServer.keySet().stream().filter(n -> !CASES.contains(n)).count();
        long notCompleted = COMPLETED.stream().filter(n -> !"COMPLETED".equals(onServer.get(n))).count();
        check.put("missingOnServer", missing);
        check.put("unexpectedOnServer", unexpected);
        check.put("completedByClerks", COMPLETED.size());
        check.put("completedOnServer", onServer.values().stream().filter("COMPLETED"::equals).count());
        check.put("completedByClerksNotCompletedOnServer", notCompleted);
        boolean intact = missing == 0 && unexpected == 0 && notCompleted == 0 && NUMBERS_ANSWERED_TWICE.get() == 0
                && RETRIES_WITH_ANOTHER_CASE.get() == 0;
        check.put("noCaseLostOrDuplicated", intact);
        try {
            Files.createDirectories(OUT);
            JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                    .writeValue(OUT.resolve("cases-check.json").toFile(), check);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.out.println("Case check: " + check);
    }

    /** Every case of the item in the clerk's scope (福田区), by number, with its state. */
    static Map<String, String> serverCases() {
        BenchmarkLogins server = new BenchmarkLogins(BASE_URL);
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> cases = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode body = json.readTree(server.get("/api/v1/cases?queue=ALL&size=200&page=" + page,
                    TOKENS.get("ft-clerk")));
            for (JsonNode c : body.get("items")) {
                if (ITEM.equals(c.get("itemCode").asString())) {
                    cases.put(c.get("caseNumber").asString(), c.get("state").asString());
                }
            }
            if ((long) (page + 1) * body.get("size").asInt() >= body.get("total").asLong()) {
                return cases;
            }
        }
    }
}
