package org.yiwang.seal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;

/** SM2/SM3 primitives on BouncyCastle. The signer ID is BouncyCastle's default, {@code 1234567812345678}. */
final class Sm2 {

    static final BouncyCastleProvider BC = new BouncyCastleProvider();
    static final String SIGNATURE_ALGORITHM = "SM3withSM2";
    static final AlgorithmIdentifier SM3_WITH_SM2 = new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm2() {
    }

    static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 key generation failed", e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(SIGNATURE_ALGORITHM, BC);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /**
     * A private key ready to sign many times. Initialising an SM2 signer derives the public key from the private one,
     * a point multiplication as dear as the signature itself; each signer here is initialised once and reused by one
     * thread at a time (its digest starts again from Z after every signature).
     */
    static final class SigningKey {

        private final ECPrivateKeyParameters key;
        private final Queue<SM2Signer> idle = new ConcurrentLinkedQueue<>();

        SigningKey(byte[] pkcs8) {
            try {
                key = (ECPrivateKeyParameters) PrivateKeyFactory.createKey(pkcs8);
            } catch (IOException | ClassCastException e) {
                throw new IllegalArgumentException("not a PKCS#8 EC private key", e);
            }
        }

        /** The DER-encoded SM3withSM2 signature of {@code data}, as {@link Sm2#sign} makes it. */
        byte[] sign(byte[] data) {
            SM2Signer signer = idle.poll();
            if (signer == null) {
                signer = new SM2Signer();
                signer.init(true, new ParametersWithRandom(key, RANDOM));
            }
            signer.update(data, 0, data.length);
            byte[] signature;
            try {
                signature = signer.generateSignature();
            } catch (CryptoException e) {
                throw new IllegalStateException("SM2 signing failed", e);
            }
            idle.offer(signer);
            return signature;
        }
    }

    /** True if {@code signature} is a valid SM2 signature of {@code data} by {@code key}; false for any malformation. */
    static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM, BC);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static byte[] sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    static String sm3Hex(byte[] data) {
        return HexFormat.of().formatHex(sm3(data));
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", BC)
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 certificate", e);
        }
    }

    static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 EC private key", e);
        }
    }

    /** A BouncyCastle content signer whose signature is made by {@code signer} with key {@code keyId}. */
    static ContentSigner contentSigner(Signer signer, String keyId) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return SM3_WITH_SM2;
            }

            @Override
            public OutputStream getOutputStream() {
                return buffer;
            }

            @Override
            public byte[] getSignature() {
                return signer.sign(keyId, buffer.toByteArray());
            }
        };
    }
}
