package org.yiwang.license;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.common.BitMatrix;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.ofdrw.core.basicStructure.ofd.docInfo.CustomDatas;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;
import org.springframework.core.io.ClassPathResource;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.QrCode;
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

    /** The licence identifier an OFD carries in its custom metadata, if it is an OFD and carries one. */
    static @Nullable String identifierOf(byte[] ofd) {
        try (OFDReader reader = new OFDReader(new java.io.ByteArrayInputStream(ofd))) {
            CustomDatas data = reader.getOFDDir().getOfd().getDocBody().getDocInfo().getCustomDatas();
            return data == null ? null : data.getCustomDataValue(LicenseDocuments.IDENTIFIER);
        } catch (Exception e) {
            return null;
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
        assertThat(identifierOf(ofd)).isEqualTo(content().id().value());
        assertThat(new String(ofd, java.nio.charset.StandardCharsets.ISO_8859_1)).contains(".ttf");
    }

    /** The QR code is an image in the type's box whose modules are those of the verification URL's code. */
    @Test
    void theQrCodeIsTheVerificationUrlsCodeInItsBox() throws Exception {
        LicenseType type = marriage();
        byte[] ofd = documents.render(type, content(), null);
        LicenseType.Box box = type.layout().code();
        String page = new String(entry(ofd, "Doc_0/Pages/Page_0/Content.xml"), StandardCharsets.UTF_8);
        Matcher image = Pattern.compile("<ofd:ImageObject[^>]*Boundary=\"([^\"]*)\"").matcher(page);
        assertThat(image.find()).isTrue();
        assertThat(image.group(1).split(" ")).extracting(Double::parseDouble)
                .containsExactly(box.x(), box.y(), box.size(), box.size());
        BitMatrix expected = QrCode.matrix(new LicenseProperties("https://gd.example.gov.cn", Duration.ofDays(90),
                Duration.ofMinutes(1)).verifyUrl(content().id()), 2);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(entry(ofd, pngName(ofd))));
        int pixels = png.getWidth() / expected.getWidth();
        assertThat(png.getHeight()).isEqualTo(png.getWidth()).isEqualTo(expected.getWidth() * pixels);
        for (int row = 0; row < expected.getHeight(); row++) {
            for (int col = 0; col < expected.getWidth(); col++) {
                boolean dark = (png.getRGB(col * pixels + pixels / 2, row * pixels + pixels / 2) & 0xFFFFFF) == 0;
                assertThat(dark).as("module %d,%d", col, row).isEqualTo(expected.get(col, row));
            }
        }
    }

    private static String pngName(byte[] zip) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".png")) {
                    return e.getName();
                }
            }
        }
        throw new AssertionError("no PNG in the package");
    }

    private static byte[] entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " missing");
    }

    /** Each weight embedded holds the glyphs the licence shows, not the 3.4 MB of the shipped font. */
    @Test
    void theEmbeddedFontsHoldOnlyTheGlyphsOfTheDocument() throws Exception {
        byte[] ofd = documents.render(marriage(), content(), null);

        assertThat(ofd.length).isLessThan(100_000); // about 32 KB; one whole weight of the font would be 3.4 MB
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
        assertThat(identifierOf("%PDF-1.4".getBytes())).isNull();
    }
}
