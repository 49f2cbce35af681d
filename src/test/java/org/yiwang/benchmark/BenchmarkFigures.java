package org.yiwang.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the figures of the latest Gatling run of a simulation: latency percentiles, rate of answered requests and
 * failures of its measured requests (read from Gatling's HTML report, the only place Gatling 3.15 writes them), to
 * {@code target/benchmark/<name>-figures.json} and {@code <name>-summary.txt}. Arguments: the simulation's class
 * name, the Gatling results folder, the measured seconds, the output folder and, for the search, users and pace.
 */
public final class BenchmarkFigures {

    static final int SEARCH_TARGET_P99_MS = 50;
    static final int SEARCH_TARGET_REQUESTS_PER_SECOND = 1000;

    private BenchmarkFigures() {
    }

    public static void main(String[] args) throws IOException {
        String simulation = args.length > 0 ? args[0] : "SearchSimulation";
        Path results = Path.of(args.length > 1 ? args[1] : "target/gatling");
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : SearchSimulation.SECONDS;
        Path out = Path.of(args.length > 3 ? args[3] : "target/benchmark");
        Path run = latestRun(results, simulation);
        switch (simulation) {
            case "SearchSimulation" -> search(run, seconds, out,
                    args.length > 4 ? Integer.parseInt(args[4]) : SearchSimulation.USERS,
                    args.length > 5 ? Integer.parseInt(args[5]) : SearchSimulation.PACE_MS);
            case "IdentitySimulation" -> identity(run, seconds, out);
            case "CaseSimulation" -> cases(run, seconds, out);
            case "LicenseSimulation" -> licenses(run, seconds, out);
            default -> throw new IllegalArgumentException("no figures for " + simulation);
        }
    }

    static void search(Path run, int seconds, Path out, int users, int paceMs) throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("run", run.getFileName().toString());
        figures.put("users", users);
        figures.put("paceMs", paceMs);
        figures.putAll(request(run, "search", seconds));
        boolean met = meets(figures, SEARCH_TARGET_REQUESTS_PER_SECOND, SEARCH_TARGET_P99_MS);
        figures.put("target", "p99 <= " + SEARCH_TARGET_P99_MS + " ms and >= " + SEARCH_TARGET_REQUESTS_PER_SECOND
                + " requests/s");
        figures.put("targetMet", met);
        write(out, "search", figures, String.format(Locale.ROOT, "search: %s users, %s: target %s", users,
                line(figures), met ? "met" : "MISSED"));
    }

    /**
     * Client-credentials tokens, password logins and refresh-token grants, each against twice the reference rate on
     * this machine. Rates count answered requests; a login is one that obtained its tokens, its latencies are those of
     * the password step, and its failures those of all its steps.
     */
    @SuppressWarnings("unchecked")
    static void identity(Path run, int seconds, Path out) throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("run", run.getFileName().toString());
        figures.put("seconds", seconds);
        List<String> lines = new ArrayList<>();
        boolean allMet = true;
        for (var target : IdentitySimulation.TARGETS.entrySet()) {
            String name = target.getKey();
            Map<String, Object> measured = request(run, name.equals("login") ? "login-password" : name, seconds);
            if (name.equals("login")) {
                long failed = 0;
                for (String step : IdentitySimulation.LOGIN_STEPS) {
                    Map<String, Object> stepFigures = request(run, step, seconds);
                    failed += (long) stepFigures.get("failed");
                    measured.put(step, stepFigures);
                }
                measured.put("failed", failed);
                Map<String, Object> token = (Map<String, Object>) measured.get("login-token");
                measured.put("requestsPerSecond",
                        perSecond((long) token.get("requests") - (long) token.get("failed"), seconds));
            }
            IdentitySimulation.Target t = target.getValue();
            boolean met = meets(measured, t.perSecond(), t.p99Ms());
            measured.put("target", ">= " + t.perSecond() + " per second, p99 <= " + t.p99Ms() + " ms, 0 failed");
            measured.put("targetMet", met);
            allMet &= met;
            figures.put(name, measured);
            lines.add(String.format(Locale.ROOT, "%s: %s: target %s", name, line(measured), met ? "met" : "MISSED"));
        }
        figures.put("targetMet", allMet);
        write(out, "identity", figures, String.join(System.lineSeparator(), lines));
    }

    /**
     * Submissions (first requests; a double click's retry is reported as {@code submit-retry}) and completed cases per
     * second with the latencies of each step, and the simulation's own check that no case was lost or duplicated.
     */
    static void cases(Path run, int seconds, Path out) throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("run", run.getFileName().toString());
        figures.put("seconds", seconds);
        figures.put("submitRate", CaseSimulation.SUBMIT_RATE);
        figures.put("clerks", CaseSimulation.CLERKS);
        Map<String, Object> submit = request(run, "submit", seconds);
        figures.put("submit", submit);
        figures.put("submit-retry", request(run, "submit-retry", seconds));
        long stepFailures = 0;
        for (String step : CaseSimulation.STEPS) {
            Map<String, Object> stepFigures = request(run, step, seconds);
            stepFailures += (long) stepFigures.get("failed");
            figures.put(step, stepFigures);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> complete = (Map<String, Object>) figures.get("complete");
        Path checkFile = out.resolve("cases-check.json");
        Map<?, ?> check = Files.exists(checkFile) ? JsonMapper.builder().build().readValue(checkFile.toFile(),
                Map.class) : Map.of("noCaseLostOrDuplicated", false, "missing", "no check written");
        figures.put("check", check);
        boolean intact = Boolean.TRUE.equals(check.get("noCaseLostOrDuplicated"));
        boolean met = (long) submit.get("failed") == 0 && stepFailures == 0 && intact
                && (double) submit.get("requestsPerSecond") >= CaseSimulation.TARGET_SUBMITTED_PER_SECOND
                && (double) complete.get("requestsPerSecond") >= CaseSimulation.TARGET_COMPLETED_PER_SECOND;
        figures.put("target", ">= " + CaseSimulation.TARGET_SUBMITTED_PER_SECOND + " submitted and >= "
                + CaseSimulation.TARGET_COMPLETED_PER_SECOND + " completed cases per second, 0 failed, no case lost "
                + "or duplicated");
        figures.put("targetMet", met);
        write(out, "cases", figures, String.format(Locale.ROOT,
                "cases: submitted %.1f/s (p50 %d ms, p95 %d ms, p99 %d ms), completed %.1f/s (p99 of the completion "
                        + "step %d ms), %d failed, %s: target %s",
                (double) submit.get("requestsPerSecond"), (long) submit.get("p50Ms"), (long) submit.get("p95Ms"),
                (long) submit.get("p99Ms"), (double) complete.get("requestsPerSecond"), (long) complete.get("p99Ms"),
                (long) submit.get("failed") + stepFailures,
                intact ? "no case lost or duplicated" : "CASES LOST OR DUPLICATED", met ? "met" : "MISSED"));
    }

    /**
     * Licence files verified and licences issued per second. Verification is measured against raw SM2 verification
     * on one thread from the JMH results of the same machine ({@code jmh-sm2.json}, {@code ./mvnw -Pjmh verify}),
     * when present.
     */
    static void licenses(Path run, int seconds, Path out) throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("run", run.getFileName().toString());
        figures.put("seconds", seconds);
        figures.put("verifyRate", LicenseSimulation.VERIFY_RATE);
        figures.put("issueRate", LicenseSimulation.ISSUE_RATE);
        Map<String, Object> verify = request(run, "verify", seconds);
        Map<String, Object> issue = request(run, "issue", seconds);
        figures.put("verify", verify);
        figures.put("issue", issue);
        Double rawVerify = rawSm2Verify(out.resolve(JmhRun.RESULTS));
        figures.put("rawSm2VerifyPerSecond", rawVerify);
        double verified = (double) verify.get("requestsPerSecond");
        boolean verifyMet = rawVerify != null && (long) verify.get("failed") == 0
                && verified >= LicenseSimulation.TARGET_VERIFY_SHARE_OF_RAW_SM2 * rawVerify;
        boolean issueMet = (long) issue.get("failed") == 0
                && (double) issue.get("requestsPerSecond") >= LicenseSimulation.TARGET_ISSUED_PER_SECOND;
        figures.put("target", "verified >= " + Math.round(LicenseSimulation.TARGET_VERIFY_SHARE_OF_RAW_SM2 * 100)
                + "% of raw SM2 verify/s, >= " + LicenseSimulation.TARGET_ISSUED_PER_SECOND
                + " issued per second, 0 failed");
        figures.put("verifyTargetMet", verifyMet);
        figures.put("issueTargetMet", issueMet);
        figures.put("targetMet", verifyMet && issueMet);
        String share = rawVerify == null ? "no JMH figures (run ./mvnw -Pjmh verify first)"
                : String.format(Locale.ROOT, "%.2f%% of raw SM2 verify %.0f/s", 100 * verified / rawVerify, rawVerify);
        write(out, "licenses", figures, String.format(Locale.ROOT, "verify: %s, %s: target %s%n"
                + "issue: %s: target %s", line(verify), share, verifyMet ? "met" : "MISSED", line(issue),
                issueMet ? "met" : "MISSED"));
    }

    /** Operations per second of {@code Sm2Benchmark.verify} in a JMH JSON result file, if there is one. */
    static Double rawSm2Verify(Path jmh) throws IOException {
        if (!Files.exists(jmh)) {
            return null;
        }
        for (var result : JsonMapper.builder().build().readTree(jmh.toFile())) {
            if (result.get("benchmark").asString().endsWith("Sm2Benchmark.verify")) {
                return result.at("/primaryMetric/score").asDouble();
            }
        }
        return null;
    }

    static Path latestRun(Path results, String simulation) throws IOException {
        String prefix = simulation.toLowerCase(Locale.ROOT) + "-";
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("no Gatling run of " + simulation + " in " + results));
        }
    }

    /** Count, failures, rate and latencies of the requests of one name in a run's report. */
    static Map<String, Object> request(Path run, String name, int seconds) throws IOException {
        String title = "<title>Gatling Stats - " + name + "</title>";
        String html;
        try (Stream<Path> pages = Files.list(run)) {
            // Gatling shortens the page's file name; its title has the request's name.
            html = pages.filter(p -> p.getFileName().toString().startsWith("req_")).map(BenchmarkFigures::read)
                    .filter(page -> page.contains(title)).findFirst().orElse(null);
        }
        if (html == null) {
            // None was sent (every flow failed before this step).
            html = "";
        }
        long requests = total(html, "Total count");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seconds", seconds);
        figures.put("requests", requests);
        long failed = (long) cell(html, "Total count", "ko");
        figures.put("failed", failed);
        figures.put("requestsPerSecond", perSecond(requests - failed, seconds));
        figures.put("meanMs", total(html, "Mean"));
        figures.put("p50Ms", total(html, "50th percentile"));
        figures.put("p75Ms", total(html, "75th percentile"));
        figures.put("p95Ms", total(html, "95th percentile"));
        figures.put("p99Ms", total(html, "99th percentile"));
        figures.put("maxMs", total(html, "Max"));
        return figures;
    }

    private static double perSecond(long count, int seconds) {
        return Math.round(count * 10.0 / seconds) / 10.0;
    }

    private static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean meets(Map<String, Object> figures, int perSecond, int p99Ms) {
        return (long) figures.get("failed") == 0 && (long) figures.get("p99Ms") <= p99Ms
                && (double) figures.get("requestsPerSecond") >= perSecond;
    }

    private static String line(Map<String, Object> figures) {
        return String.format(Locale.ROOT, "%.1f requests/s, p50 %d ms, p95 %d ms, p99 %d ms, %d failed",
                (double) figures.get("requestsPerSecond"), (long) figures.get("p50Ms"), (long) figures.get("p95Ms"),
                (long) figures.get("p99Ms"), (long) figures.get("failed"));
    }

    private static void write(Path out, String name, Map<String, Object> figures, String summary) throws IOException {
        Files.createDirectories(out);
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValue(out.resolve(name + "-figures.json").toFile(), figures);
        Files.writeString(out.resolve(name + "-summary.txt"), summary + System.lineSeparator());
        System.out.println(summary);
    }

    /** A value of Gatling's statistics table of one request page: the row's title and the column's class. */
    private static double cell(String html, String title, String column) {
        Matcher m = Pattern.compile("<td class=\"title\">" + Pattern.quote(title)
                + "(?:</abbr>)?</td>\\s*<td class=\"total\">([^<]*)</td>\\s*<td class=\"ok\">([^<]*)</td>\\s*"
                + "<td class=\"ko\">([^<]*)</td>").matcher(html);
        if (!m.find()) {
            if (html.isEmpty()) {
                return 0;
            }
            throw new IllegalStateException("no row " + title + " in the Gatling report");
        }
        String value = m.group(column.equals("total") ? 1 : column.equals("ok") ? 2 : 3).strip();
        return value.equals("-") ? 0 : Double.parseDouble(value);
    }

    private static long total(String html, String title) {
        return Math.round(cell(html, title, "total"));
    }
}
