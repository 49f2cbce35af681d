package org.yiwang.benchmark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a sealed licence file costs before any signature is checked: unpacking every entry of the OFD package and the
 * SM3 digest of each, as seal verification does for the protected files. The file is the one {@code LicenseSimulation}
 * verified ({@code target/benchmark/licence.ofd}); run with {@code -Djmh.args="OfdFileBenchmark"} after it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OfdFileBenchmark {

    @Param("target/benchmark/" + LicenseSimulation.FILE)
    public String file;

    private byte[] ofd;

    @Setup
    public void setUp() throws IOException {
        ofd = Files.readAllBytes(Path.of(file));
    }

    /** Unpacks every entry and digests it with SM3; returns the bytes unpacked. */
    @Benchmark
    public long unpackAndDigest() throws IOException {
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        byte[] digest = new byte[32];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            while (zip.getNextEntry() != null) {
                SM3Digest sm3 = new SM3Digest();
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    sm3.update(buffer, 0, n);
                    unpacked += n;
                }
                sm3.doFinal(digest, 0);
            }
        }
        return unpacked;
    }
}
