package org.yiwang.license;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;
import org.springframework.core.io.ClassPathResource;
import org.yiwang.shared.CreditCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Our OFD files read back with ofdrw: the text, the custom metadata, the page size and the embedded font. */
class LicenseDocumentsTest {

    private final LicenseDocuments documents = new LicenseDocuments(
            new LicenseProperties("https://gd.example.gov.cn", Duration.ofDays(90), Duration.ofMinutes(1)));

    static LicenseType marriage() throws Exception {
        try (InputStream in = new ClassPathResource("license/types.json").getInputStream()) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<List<LicenseType>>() {
            }).get(0);
        }
    }

    static LicenseContent content() {
        LicenseId id = new LicenseId("11100000000013186G001", CreditCode.of("11440304007550312P"), "20260000001", 1);
        return new LicenseContent(id, "中华人民共和国结婚证", "张三", "440304198503120013", "深圳市福田区民政局",
                LocalDate.of(2026, 5, 20), null, Map.of("partnerName", "李娜", "partnerIdNumber", "440305199007180026"));
    }

    @Test
    void theLicenseReadsBackWithItsTextMetadataAndFont() throws Exception {
        byte[] ofd = documents.render(marriage(), content(), null);

        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd))) {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            assertThat(reader.getPageSize(1).getWidth()).isEqualTo(210d);
            assertThat(reader.getPageSize(1).getHeight()).isEqualTo(148d);
            String text = String.join("\n", new ContentExtractor(reader).extractAll());
            assertThat(text).contains("中华人民共和国结婚证", "持证人：张三", "对方姓名：李娜", "颁证日期：2026年5月20日",
                    "颁证单位：深圳市福田区民政局", "证照编号：20260000001", content().id().value());
            var info = reader.getOFDDir().getOfd().getDocBody().getDocInfo();
            assertThat(info.getCustomDatas().getCustomDataValue("电子证照标识")).isEqualTo(content().id().value());
            assertThat(info.getCustomDatas().getCustomDataValue("证照类型代码")).isEqualTo("11100000000013186G001");
            var fonts = reader.getResourceLocator();
            assertThat(fonts).isNotNull();
        }
        assertThat(LicenseDocuments.identifierOf(ofd)).isEqualTo(content().id().value());
        assertThat(new String(ofd, java.nio.charset.StandardCharsets.ISO_8859_1)).contains(".ttf");
    }

    /** The QR code's rectangles cover exactly the dark modules of the verification URL's code, each once. */
    @Test
    void theQrCodeCoversExactlyTheDarkModules() throws Exception {
        LicenseType type = marriage();
        byte[] ofd = documents.render(type, content(), null);
        String page = entry(ofd, "Doc_0/Pages/Page_0/Content.xml");
        BitMatrix expected = new QRCodeWriter().encode(
                new LicenseProperties("https://gd.example.gov.cn", Duration.ofDays(90), Duration.ofMinutes(1))
                        .verifyUrl(content().id()), BarcodeFormat.QR_CODE, 0, 0,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        double module = type.layout().code().size() / expected.getWidth();
        Matcher path = Pattern.compile("<ofd:AbbreviatedData>([^<]*)</ofd:AbbreviatedData>").matcher(page);
        StringBuilder paths = new StringBuilder();
        while (path.find()) {
            paths.append(' ').append(path.group(1));
        }
        String[] parts = paths.toString().trim().split("\\s+");

        boolean[][] drawn = new boolean[expected.getHeight()][expected.getWidth()];
        int rectangles = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("M")) {
                double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = 0, y1 = 0;
                for (int j = i; j < i + 12; j += 3) {
                    double x = Double.parseDouble(parts[j + 1]);
                    double y = Double.parseDouble(parts[j + 2]);
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
                for (long row = Math.round(y0 / module); row < Math.round(y1 / module); row++) {
                    for (long col = Math.round(x0 / module); col < Math.round(x1 / module); col++) {
                        assertThat(drawn[(int) row][(int) col]).as("drawn once").isFalse();
                        drawn[(int) row][(int) col] = true;
                    }
                }
                rectangles++;
            }
        }
        for (int row = 0; row < expected.getHeight(); row++) {
            for (int col = 0; col < expected.getWidth(); col++) {
                assertThat(drawn[row][col]).as("module %d,%d", col, row).isEqualTo(expected.get(col, row));
            }
        }
        assertThat(rectangles).isLessThan(expected.getWidth() * expected.getHeight() / 4);
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " missing");
    }

    /** Each weight embedded holds the glyphs the licence shows, not the 3.4 MB of the shipped font. */
    @Test
    void theEmbeddedFontsHoldOnlyTheGlyphsOfTheDocument() throws Exception {
        byte[] ofd = documents.render(marriage(), content(), null);

        assertThat(ofd.length).isLessThan(600_000);
        long embeddedFonts = 0;
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith(".ttf")) {
                    var font = new org.apache.fontbox.ttf.TTFParser().parse(
                            new org.apache.pdfbox.io.RandomAccessReadBuffer(zip.readAllBytes()));
                    assertThat(font.getNumberOfGlyphs()).isBetween(20, 400);
                    embeddedFonts++;
                }
            }
        }
        assertThat(embeddedFonts).isEqualTo(2);
    }

    @Test
    void aCopyForAThirdPartyCarriesPurposeAndExpiry() throws Exception {
        var watermark = new LicenseDocuments.Watermark("办理购房资格审核", "深圳市住房和建设局", LocalDate.of(2026, 6, 30));
        byte[] ofd = documents.render(marriage(), content(), watermark);

        try (OFDReader reader = new OFDReader(new ByteArrayInputStream(ofd))) {
            assertThat(String.join("\n", new ContentExtractor(reader).extractAll()))
                    .contains("仅供深圳市住房和建设局用于办理购房资格审核，2026年6月30日前有效，再次复制无效");
        }
    }

    @Test
    void somethingElseHasNoIdentifier() {
        assertThat(LicenseDocuments.identifierOf("%PDF-1.4".getBytes())).isNull();
    }
}
