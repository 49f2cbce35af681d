package org.yiwang.identity.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.QrCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 (TOTP) with the RFC's SHA-1 test vectors, the drift window, Base32 (RFC 4648) and the QR code. */
class TotpTest {

    /** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" in Base32. */
    static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void base32IsRfc4648() {
        assertThat(Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII))).isEqualTo(RFC_SECRET);
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Totp.unbase32("mzxw 6ytb oi======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        String secret = Totp.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.base32(Totp.unbase32(secret))).isEqualTo(secret);
    }

    /** The RFC's 8-digit values; 6-digit codes are their last six digits (the same value modulo 10^6). */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void rfc6238Sha1Vectors(long seconds, String eightDigits) {
        assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(seconds))).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void acceptsOneStepOfDriftEitherSideAndTellsWhichStep() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        assertThat(Totp.match(RFC_SECRET, "050471", now)).hasValue(step);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(30)), now)).hasValue(step - 1);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, now.plusSeconds(30)), now)).hasValue(step + 1);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(60)), now)).isEmpty();
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, now.plusSeconds(60)), now)).isEmpty();
        assertThat(Totp.match(RFC_SECRET, " 050471 ", now)).hasValue(step);
        assertThat(Totp.match(RFC_SECRET, "05047", now)).isEmpty();
        assertThat(Totp.match(RFC_SECRET, "0504711", now)).isEmpty();
        assertThat(Totp.match(RFC_SECRET, "05a471", now)).isEmpty();
    }

    @Test
    void otpauthUriAndQrCode() throws Exception {
        String uri = Totp.uri("一网通办", "ft-clerk", RFC_SECRET);
        assertThat(uri).isEqualTo("otpauth://totp/%E4%B8%80%E7%BD%91%E9%80%9A%E5%8A%9E:ft-clerk?secret="
                + RFC_SECRET + "&issuer=%E4%B8%80%E7%BD%91%E9%80%9A%E5%8A%9E&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.grouped("ABCDEFGHIJ")).isEqualTo("ABCD EFGH IJ");
        String svg = QrCode.svg(uri);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").contains("h1v1h-1z");
        assertThat(QrCode.dataUri(uri)).startsWith("data:image/svg+xml;base64,");
        assertThat(decode(svg)).as("what an app reads from the drawn code").isEqualTo(uri);
    }

    /** Paints the SVG's unit squares into pixels (4 per module) and reads them back with ZXing's decoder. */
    private static String decode(String svg) throws Exception {
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(size.find()).isTrue();
        int width = Integer.parseInt(size.group(1));
        int height = Integer.parseInt(size.group(2));
        int scale = 4;
        int[] pixels = new int[width * scale * height * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * width * scale + x * scale + dx] = 0xFF000000;
                }
            }
        }
        var source = new RGBLuminanceSource(width * scale, height * scale, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
