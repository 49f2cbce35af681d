package org.yiwang.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the figures of the latest Gatling run of {@link SearchSimulation}: latency percentiles and throughput of
 * the measured {@code search} requests (read from Gatling's HTML report, the only place Gatling 3.15 writes them), to {@code target/benchmark/search-figures.json} and one summary line.
 * Arguments: the Gatling results folder, the measured seconds, the output folder.
 */
public final class SearchFigures {

    static final int TARGET_P99_MS = 50;
    static final int TARGET_REQUESTS_PER_SECOND = 1000;

    private SearchFigures() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args.length > 0 ? args[0] : "target/gatling");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : SearchSimulation.SECONDS;
        Path out = Path.of(args.length > 2 ? args[2] : "target/benchmark");
        Path run;
        try (Stream<Path> runs = Files.list(results)) {
            run = runs.filter(p -> p.getFileName().toString().startsWith("searchsimulation"))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("no Gatling run in " + results));
        }
        Path page;
        try (Stream<Path> pages = Files.list(run)) {
            page = pages.filter(p -> p.getFileName().toString().startsWith("req_search-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no search requests in " + run));
        }
        String html = Files.readString(page);
        long requests = total(html, "Total count");
        long failed = (long) cell(html, "Total count", "ko");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("run", run.getFileName().toString());
        figures.put("users", args.length > 3 ? Integer.parseInt(args[3]) : SearchSimulation.USERS);
        figures.put("paceMs", args.length > 4 ? Integer.parseInt(args[4]) : SearchSimulation.PACE_MS);
        figures.put("seconds", seconds);
        figures.put("requests", requests);
        figures.put("failed", failed);
        figures.put("requestsPerSecond", Math.round(requests * 10.0 / seconds) / 10.0);
        figures.put("meanMs", total(html, "Mean"));
        figures.put("p50Ms", total(html, "50th percentile"));
        figures.put("p75Ms", total(html, "75th percentile"));
        figures.put("p95Ms", total(html, "95th percentile"));
        figures.put("p99Ms", total(html, "99th percentile"));
        figures.put("maxMs", total(html, "Max"));
        boolean met = failed == 0 && (long) figures.get("p99Ms") <= TARGET_P99_MS
                && (double) figures.get("requestsPerSecond") >= TARGET_REQUESTS_PER_SECOND;
        figures.put("target", "p99 <= " + TARGET_P99_MS + " ms and >= " + TARGET_REQUESTS_PER_SECOND + " requests/s");
        figures.put("targetMet", met);
        String summary = String.format("search: %s users, %.1f requests/s, p50 %d ms, p95 %d ms, p99 %d ms, %d failed: "
                        + "target %s", figures.get("users"), (double) figures.get("requestsPerSecond"),
                (long) figures.get("p50Ms"), (long) figures.get("p95Ms"), (long) figures.get("p99Ms"), failed,
                met ? "met" : "MISSED");
        Files.createDirectories(out);
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out.resolve("search-figures.json").toFile(), figures);
        Files.writeString(out.resolve("search-summary.txt"), summary + System.lineSeparator());
        System.out.println(summary);
    }

    /** A value of Gatling's statistics table of one request page: the row's title and the column's class. */
    private static double cell(String html, String title, String column) {
        Matcher m = Pattern.compile("<td class=\"title\">" + Pattern.quote(title)
                + "(?:</abbr>)?</td>\\s*<td class=\"total\">([^<]*)</td>\\s*<td class=\"ok\">([^<]*)</td>\\s*"
                + "<td class=\"ko\">([^<]*)</td>").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no row " + title + " in the Gatling report");
        }
        String value = m.group(column.equals("total") ? 1 : column.equals("ok") ? 2 : 3).strip();
        return value.equals("-") ? 0 : Double.parseDouble(value);
    }

    private static long total(String html, String title) {
        return Math.round(cell(html, title, "total"));
    }
}
