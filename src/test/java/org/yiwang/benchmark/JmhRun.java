package org.yiwang.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH micro-benchmarks with JMH's own command-line options and writes their results to
 * {@code <out>/jmh-<name>.json} and a line per benchmark to {@code <out>/jmh-<name>-summary.txt}, the name being that
 * of the first benchmark given without "Benchmark" ({@code Sm2Benchmark}: {@code jmh-sm2.json}). Arguments: the output
 * folder, then JMH's options.
 */
public final class JmhRun {

    /** The results of {@code Sm2Benchmark}. */
    static final String RESULTS = "jmh-sm2.json";

    private JmhRun() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmark");
        Files.createDirectories(out);
        List<String> jmhArgs = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        String name = "jmh-" + (jmhArgs.isEmpty() || jmhArgs.get(0).startsWith("-") ? "all"
                : jmhArgs.get(0).replace("Benchmark", "").toLowerCase(Locale.ROOT));
        List<String> options = new ArrayList<>(List.of("-rf", "json", "-rff", out.resolve(name + ".json").toString()));
        options.addAll(jmhArgs);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s, %d cores, %s %s", LocalDate.now(ZoneOffset.UTC),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version")));
        var results = new Runner(new CommandLineOptions(options.toArray(String[]::new))).run();
        if (results.isEmpty()) {
            throw new IllegalStateException("no benchmark finished (see above)");
        }
        for (RunResult result : results) {
            var primary = result.getPrimaryResult();
            String error = Double.isNaN(primary.getScoreError()) ? ""
                    : String.format(Locale.ROOT, " ± %.0f", primary.getScoreError());
            lines.add(String.format(Locale.ROOT, "%s: %.0f%s %s (%d threads)",
                    result.getParams().getBenchmark().replaceFirst("^.*\\.(\\w+\\.\\w+)$", "$1"), primary.getScore(),
                    error, primary.getScoreUnit(), result.getParams().getThreads()));
        }
        Files.write(out.resolve(name + "-summary.txt"), lines);
        lines.forEach(System.out::println);
    }
}
