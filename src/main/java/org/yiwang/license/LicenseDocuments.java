package org.yiwang.license;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.ofd.docInfo.CustomDatas;
import org.ofdrw.font.Font;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Div;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;
import org.ofdrw.layout.element.Span;
import org.ofdrw.layout.element.canvas.Canvas;
import org.ofdrw.reader.OFDReader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Lays a licence out as an OFD document (GB/T 33190) by its type's template: text in the shipped Noto Serif SC
 * (embedded, so the file looks the same on a machine without Chinese fonts), a QR code pointing to the public
 * verification page, and the licence's identifying values as custom metadata, where verification reads them back.
 * A copy for a third party (授权使用) carries the purpose and expiry as a watermark over the page.
 */
@Component
class LicenseDocuments {

    /** Purpose and expiry printed over a copy handed to a third party (加注件). */
    record Watermark(String purpose, String grantee, LocalDate expiresOn) {

        String text() {
            return "仅供" + grantee + "用于" + purpose + "，" + LicenseContent.chinese(expiresOn) + "前有效，再次复制无效";
        }
    }

    private static final String FONT_NAME = "Noto Serif SC";

    private final LicenseProperties properties;
    private final Path regular;
    private final Path bold;

    LicenseDocuments(LicenseProperties properties) {
        this.properties = properties;
        this.regular = extract("fonts/NotoSerifSC-Regular-GB2312.ttf");
        this.bold = extract("fonts/NotoSerifSC-Bold-GB2312.ttf");
    }

    byte[] render(LicenseType type, LicenseContent content, @Nullable Watermark watermark) {
        LicenseType.Layout layout = type.layout();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OFDDoc doc = new OFDDoc(out)) {
            PageLayout page = new PageLayout(layout.width(), layout.height());
            page.setMargin(0d);
            doc.setDefaultPageLayout(page);
            VirtualPage vPage = new VirtualPage(page);
            vPage.add(text(layout.title(), (layout.width() - layout.title().length() * layout.titleSize()) / 2,
                    layout.titleY(), layout.titleSize(), true, layout.width()));
            for (LicenseType.Placed placed : layout.placed()) {
                String line = type.label(placed.field()) + "：" + content.value(placed.field());
                vPage.add(text(line, placed.x(), placed.y(), placed.size(), placed.bold(),
                        layout.width() - placed.x() - 8));
            }
            LicenseType.Box code = layout.code();
            vPage.add(qrCode(properties.verifyUrl(content.id()), code));
            vPage.add(text(content.id().value(), 8, layout.height() - 8, 2.2, false, layout.width() - 16));
            if (watermark != null) {
                addWatermark(vPage, layout, watermark);
            }
            doc.addVPage(vPage);
            docInfo(doc, type, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The licence identifier an OFD carries in its custom metadata, if it is an OFD and carries one. */
    static @Nullable String identifierOf(byte[] ofd) {
        try (OFDReader reader = new OFDReader(new java.io.ByteArrayInputStream(ofd))) {
            CustomDatas data = reader.getOFDDir().getOfd().getDocBody().getDocInfo().getCustomDatas();
            return data == null ? null : data.getCustomDataValue("电子证照标识");
        } catch (Exception e) {
            return null;
        }
    }

    /** Whether ofdrw can open the bytes as an OFD package. */
    static boolean isOfd(byte[] bytes) {
        try (OFDReader reader = new OFDReader(new java.io.ByteArrayInputStream(bytes))) {
            return reader.getNumberOfPages() > 0;
        } catch (Exception e) {
            return false;
        }
    }

    private void docInfo(OFDDoc doc, LicenseType type, LicenseContent content) throws IOException {
        try {
            CT_DocInfo info = doc.getOfdDir().getOfd().getDocBody().getDocInfo();
            info.setTile(type.name());
            info.setAuthor(content.issuerName());
            info.setCreator("一网通办电子证照");
            CustomDatas data = new CustomDatas();
            content.customData().forEach(data::addCustomData);
            info.setCustomDatas(data);
        } catch (org.dom4j.DocumentException e) {
            throw new IOException(e);
        }
    }

    private void addWatermark(VirtualPage vPage, LicenseType.Layout layout, Watermark watermark) {
        for (double y = 20; y < layout.height() - 10; y += 28) {
            Paragraph p = text(watermark.text(), 6, y, 4, true, layout.width() - 12);
            p.getContents().forEach(s -> s.setColor(200, 40, 40));
            p.setOpacity(0.35);
            vPage.add(p);
        }
    }

    private Paragraph text(String line, double x, double y, double size, boolean isBold, double width) {
        Span span = new Span(new Font(FONT_NAME, FONT_NAME, isBold ? bold : regular), size, line);
        Paragraph p = new Paragraph().add(span);
        p.setMargin(0d);
        p.setPadding(0d);
        absolute(p, x, y, width);
        return p;
    }

    /** The QR code as filled squares (vector, sharp at any zoom), on a white quiet zone. */
    private static Div<?> qrCode(String url, LicenseType.Box box) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
        double module = box.size() / matrix.getWidth();
        Canvas canvas = new Canvas(box.size(), box.size());
        canvas.setDrawer(ctx -> {
            ctx.fillStyle = "#000000";
            for (int row = 0; row < matrix.getHeight(); row++) {
                for (int col = 0; col < matrix.getWidth(); col++) {
                    if (matrix.get(col, row)) {
                        ctx.fillRect(col * module, row * module, module, module);
                    }
                }
            }
        });
        absolute(canvas, box.x(), box.y(), box.size());
        return canvas;
    }

    private static void absolute(Div<?> div, double x, double y, double width) {
        div.setPosition(Position.Absolute);
        div.setX(x);
        div.setY(y);
        div.setWidth(width);
    }

    private static Path extract(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            Path file = Files.createTempFile("yiwang-font-", ".ttf");
            file.toFile().deleteOnExit();
            Files.copy(Objects.requireNonNull(in), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped font " + resource + " is missing", e);
        }
    }
}
