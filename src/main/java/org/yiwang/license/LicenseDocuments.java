package org.yiwang.license;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.jspecify.annotations.Nullable;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.ofd.docInfo.CustomDatas;
import org.ofdrw.font.Font;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Div;
import org.ofdrw.layout.element.Img;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.layout.element.Position;
import org.ofdrw.layout.element.Span;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yiwang.shared.QrCode;

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

    /** The name of the custom metadata entry that carries the licence identifier. */
    static final String IDENTIFIER = "电子证照标识";

    private static final String FONT_NAME = "Noto Serif SC";
    /** Pixels per QR module: eight, so that a module is one byte of a 1-bit image row. */
    private static final int QR_PIXELS = 8;

    private final LicenseProperties properties;
    private final ParsedFonts regular;
    private final ParsedFonts bold;

    LicenseDocuments(LicenseProperties properties) {
        this.properties = properties;
        this.regular = new ParsedFonts(shipped("fonts/NotoSerifSC-Regular-GB2312.ttf"));
        this.bold = new ParsedFonts(shipped("fonts/NotoSerifSC-Bold-GB2312.ttf"));
    }

    /**
     * One shipped font weight, parsed once per concurrent use rather than per document: a FontBox TrueTypeFont reads
     * its tables lazily from one stream and is not thread-safe, so each render borrows a parsed instance of its own
     * and gives it back (at most as many are kept as renders ran at once).
     */
    private static final class ParsedFonts {

        /**
         * The tables the subsetter rebuilds and hinting, nothing else: OFD places every glyph itself, so vertical
         * metrics (vmtx, 33 KB) and OpenType layout (GPOS, GSUB: 70 KB) would be copied whole into every document.
         */
        private static final List<String> KEPT_TABLES = List.of("head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap",
                "name", "OS/2", "post", "cvt ", "fpgm", "prep", "gasp");

        private final byte[] file;
        private final Queue<TrueTypeFont> idle = new ConcurrentLinkedQueue<>();

        ParsedFonts(byte[] file) {
            this.file = file;
        }

        /** A TrueType font with the glyphs of {@code text} (and the ASCII digits and letters), in a temporary file. */
        Path subset(String text) throws IOException {
            TrueTypeFont ttf = idle.poll();
            if (ttf == null) {
                ttf = new TTFParser().parse(new RandomAccessReadBuffer(file));
            }
            try {
                TTFSubsetter subsetter = new TTFSubsetter(ttf, KEPT_TABLES);
                text.codePoints().forEach(subsetter::add);
                IntStream.rangeClosed(0x20, 0x7E).forEach(subsetter::add);
                Path subset = Files.createTempFile("yiwang-font-", ".ttf");
                try (OutputStream out = Files.newOutputStream(subset)) {
                    subsetter.writeToStream(out);
                }
                idle.add(ttf);
                ttf = null;
                return subset;
            } finally {
                if (ttf != null) {
                    ttf.close();
                }
            }
        }
    }

    /**
     * The files one document embeds, written for ofdrw (which reads fonts and images from files) and deleted after: each
     * font weight with the glyphs of this document only, and the QR code.
     */
    private final class Embedded implements AutoCloseable {

        private final Path regularFile;
        private final Path boldFile;
        private final Path qrCode;

        Embedded(String regularText, String boldText, String url) throws IOException {
            this.regularFile = regular.subset(regularText);
            this.boldFile = bold.subset(boldText);
            this.qrCode = qrCode(url);
        }

        Font font(boolean isBold) {
            return new Font(FONT_NAME, FONT_NAME, isBold ? boldFile : regularFile);
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(regularFile);
            Files.deleteIfExists(boldFile);
            Files.deleteIfExists(qrCode);
        }
    }

    /**
     * Renders the licence. The fonts embedded are subsets of the shipped font with the glyphs of this document only
     * (a full weight is 3.4 MB, a subset about 20 KB), so that every copy stays small to store, hash, seal and verify.
     */
    byte[] render(LicenseType type, LicenseContent content, @Nullable Watermark watermark) {
        LicenseType.Layout layout = type.layout();
        StringBuilder regularText = new StringBuilder(content.id().value());
        StringBuilder boldText = new StringBuilder(layout.title());
        List<String> lines = new ArrayList<>();
        for (LicenseType.Placed placed : layout.placed()) {
            String line = type.label(placed.field()) + "：" + content.value(placed.field());
            lines.add(line);
            (placed.bold() ? boldText : regularText).append(line);
        }
        if (watermark != null) {
            boldText.append(watermark.text());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Embedded files = new Embedded(regularText.toString(), boldText.toString(),
                properties.verifyUrl(content.id()))) {
            try (OFDDoc doc = new OFDDoc(out)) {
                PageLayout page = new PageLayout(layout.width(), layout.height());
                page.setMargin(0d);
                doc.setDefaultPageLayout(page);
                VirtualPage vPage = new VirtualPage(page);
                vPage.add(text(layout.title(), (layout.width() - layout.title().length() * layout.titleSize()) / 2,
                        layout.titleY(), layout.titleSize(), files.font(true), layout.width()));
                for (int i = 0; i < lines.size(); i++) {
                    LicenseType.Placed placed = layout.placed().get(i);
                    vPage.add(text(lines.get(i), placed.x(), placed.y(), placed.size(), files.font(placed.bold()),
                            layout.width() - placed.x() - 8));
                }
                LicenseType.Box code = layout.code();
                Img qrCode = new Img(code.size(), code.size(), files.qrCode);
                absolute(qrCode, code.x(), code.y(), code.size());
                vPage.add(qrCode);
                vPage.add(text(content.id().value(), 8, layout.height() - 8, 2.2, files.font(false),
                        layout.width() - 16));
                if (watermark != null) {
                    addWatermark(vPage, layout, watermark, files.font(true));
                }
                doc.addVPage(vPage);
                docInfo(doc, type, content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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

    private void addWatermark(VirtualPage vPage, LicenseType.Layout layout, Watermark watermark, Font font) {
        for (double y = 20; y < layout.height() - 10; y += 28) {
            Paragraph p = text(watermark.text(), 6, y, 4, font, layout.width() - 12);
            p.getContents().forEach(s -> s.setColor(200, 40, 40));
            p.setOpacity(0.35);
            vPage.add(p);
        }
    }

    private static Paragraph text(String line, double x, double y, double size, Font font, double width) {
        Span span = new Span(font, size, line);
        Paragraph p = new Paragraph().add(span);
        p.setMargin(0d);
        p.setPadding(0d);
        absolute(p, x, y, width);
        return p;
    }

    /** The QR code as a PNG of {@value #QR_PIXELS} pixels per module: an image costs a fraction of vector paths. */
    private static Path qrCode(String url) throws IOException {
        Path file = Files.createTempFile("yiwang-qr-", ".png");
        Files.write(file, QrCode.png(url, 2, QR_PIXELS));
        return file;
    }

    private static void absolute(Div<?> div, double x, double y, double width) {
        div.setPosition(Position.Absolute);
        div.setX(x);
        div.setY(y);
        div.setWidth(width);
    }

    private static byte[] shipped(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped font " + resource + " is missing", e);
        }
    }
}
