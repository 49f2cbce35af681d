package org.yiwang.benchmark;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Raw BouncyCastle SM2 on one thread: SM3withSM2 signatures with the signer ID {@code 1234567812345678}, as the
 * seals sign, over a message the size of an OFD signature's signed data (a few hundred bytes of Signature.xml
 * digests). The reference that the verification through the API is measured against.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Sm2Benchmark {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final SM2ParameterSpec SIGNER_ID = new SM2ParameterSpec(
            "1234567812345678".getBytes(StandardCharsets.US_ASCII));

    private Signature signer;
    private Signature verifier;
    private byte[] message;
    private byte[] signature;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair keys = generator.generateKeyPair();
        // One random source and one engine each, initialised once, as a signing service holds them.
        signer = Signature.getInstance("SM3withSM2", BC);
        signer.setParameter(SIGNER_ID);
        signer.initSign(keys.getPrivate(), SecureRandom.getInstance("DRBG"));
        verifier = Signature.getInstance("SM3withSM2", BC);
        verifier.setParameter(SIGNER_ID);
        verifier.initVerify(keys.getPublic());
        message = "<ofd:SignedInfo>".repeat(32).getBytes(StandardCharsets.UTF_8);
        signature = sign();
        if (!verify()) {
            throw new IllegalStateException("SM2 signature does not verify");
        }
    }

    @Benchmark
    public byte[] sign() throws Exception {
        signer.update(message);
        return signer.sign();
    }

    @Benchmark
    public boolean verify() throws Exception {
        verifier.update(message);
        return verifier.verify(signature);
    }
}
