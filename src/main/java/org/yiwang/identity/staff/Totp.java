package org.yiwang.identity.staff;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (TOTP, RFC 6238) as authenticator apps compute them: HMAC-SHA-1, 6 digits, steps of
 * 30 seconds from the Unix epoch. A code is accepted for the current step and one step either side (clock drift);
 * {@link #match} tells which step it was, so that the caller can refuse it a second time. Secrets are 20 random bytes
 * (160 bits, RFC 4226's recommendation), written in Base32 (RFC 4648, no padding) as apps expect them.
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    /** Steps either side of the current one whose codes are still accepted. */
    static final int DRIFT = 1;

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeBasedOneTimePasswordGenerator GENERATOR =
            new TimeBasedOneTimePasswordGenerator(STEP, DIGITS);

    private Totp() {
    }

    /** A new random secret, Base32. */
    public static String newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return base32(secret);
    }

    /** The step {@code at} falls in: seconds since the epoch divided by 30. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.getSeconds());
    }

    /** The code of the step {@code at} falls in, 6 digits with leading zeros. */
    public static String code(String secret, Instant at) {
        return codeOfStep(secret, step(at));
    }

    static String codeOfStep(String secret, long step) {
        try {
            int code = GENERATOR.generateOneTimePassword(new SecretKeySpec(unbase32(secret), "HmacSHA1"),
                    Instant.ofEpochSecond(step * STEP.getSeconds()));
            return String.format(Locale.ROOT, "%06d", code);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("unusable TOTP secret", e);
        }
    }

    /** The step within the drift window around {@code now} whose code {@code code} is, if any. */
    static OptionalLong match(String secret, String code, Instant now) {
        String typed = code.strip();
        if (typed.length() != DIGITS || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long step = current - DRIFT; step <= current + DRIFT; step++) {
            if (java.security.MessageDigest.isEqual(codeOfStep(secret, step).getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The {@code otpauth://} URI authenticator apps read from the QR code (Key Uri Format). */
    static String uri(String issuer, String account, String secret) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + secret + "&issuer="
                + encode(issuer) + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.getSeconds();
    }

    /** The secret in groups of four characters, easier to type into an app by hand. */
    static String grouped(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = buffer << 8 | b & 0xff;
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt(buffer >> bits - 5 & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt(buffer << 5 - bits & 31));
        }
        return out.toString();
    }

    static byte[] unbase32(String text) {
        String s = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        byte[] out = new byte[s.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (char c : s.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not Base32: " + c);
            }
            buffer = buffer << 5 | value;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> bits - 8);
                bits -= 8;
            }
        }
        return out;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
