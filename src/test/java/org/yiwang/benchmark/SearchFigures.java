package org.yiwang.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the figures of the latest Gatling run of {@link SearchSimulation}: latency percentiles and throughput of
 * the measured {@code search} requests, to {@code target/benchmark/search-figures.json} and one summary line.
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
        var json = JsonMapper.builder().build();
        JsonNode stats = null;
        for (JsonNode request : json.readTree(run.resolve("js/stats.json").toFile()).get("contents")) {
            if (request.get("name").asString().equals("search")) {
                stats = request.get("stats");
            }
        }
        if (stats == null) {
            throw new IllegalStateException("no search requests in " + run);
        }
        long ok = stats.get("numberOfRequests").get("ok").asLong();
        long failed = stats.get("numberOfRequests").get("ko").asLong();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("run", run.getFileName().toString());
        figures.put("users", SearchSimulation.USERS);
        figures.put("seconds", seconds);
        figures.put("requests", ok + failed);
        figures.put("failed", failed);
        figures.put("requestsPerSecond", Math.round((ok + failed) * 10.0 / seconds) / 10.0);
        figures.put("meanMs", stats.get("meanResponseTime").get("total").asLong());
        figures.put("p50Ms", stats.get("percentiles1").get("total").asLong());
        figures.put("p75Ms", stats.get("percentiles2").get("total").asLong());
        figures.put("p95Ms", stats.get("percentiles3").get("total").asLong());
        figures.put("p99Ms", stats.get("percentiles4").get("total").asLong());
        figures.put("maxMs", stats.get("maxResponseTime").get("total").asLong());
        boolean met = failed == 0 && (long) figures.get("p99Ms") <= TARGET_P99_MS
                && (double) figures.get("requestsPerSecond") >= TARGET_REQUESTS_PER_SECOND;
        figures.put("target", "p99 <= " + TARGET_P99_MS + " ms and >= " + TARGET_REQUESTS_PER_SECOND + " requests/s");
        figures.put("targetMet", met);
        String summary = String.format("search: %s users, %.1f requests/s, p50 %d ms, p95 %d ms, p99 %d ms, %d failed: "
                        + "target %s", figures.get("users"), (double) figures.get("requestsPerSecond"),
                (long) figures.get("p50Ms"), (long) figures.get("p95Ms"), (long) figures.get("p99Ms"), failed,
                met ? "met" : "MISSED");
        Files.createDirectories(out);
        json.writerWithDefaultPrettyPrinter().writeValue(out.resolve("search-figures.json").toFile(), figures);
        Files.writeString(out.resolve("search-summary.txt"), summary + System.lineSeparator());
        System.out.println(summary);
    }
}
