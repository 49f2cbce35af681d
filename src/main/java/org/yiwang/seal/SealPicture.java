package org.yiwang.seal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Draws a red round seal (圆形公章): ring, five-pointed star in the centre, the department's name along the upper arc
 * and the seal's name under the star, in the shipped Noto Serif SC font (never a system font). PNG with a
 * transparent background.
 */
final class SealPicture {

    static final int SIZE = 480;
    /** Printed diameter in millimetres, as recorded in the seal's picture info. */
    static final int DIAMETER_MM = 42;
    private static final Color RED = new Color(0xE0, 0x10, 0x10);
    private static final Font FONT = loadFont();

    private SealPicture() {
    }

    static byte[] png(String departmentName, String sealName) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(RED);
            double centre = SIZE / 2.0;
            float ring = SIZE * 0.035f;
            g.setStroke(new BasicStroke(ring));
            g.draw(new java.awt.geom.Ellipse2D.Double(ring / 2, ring / 2, SIZE - ring, SIZE - ring));
            g.fill(star(centre, centre, SIZE * 0.16));
            arcText(g, departmentName, centre, SIZE * 0.5 - ring * 2.6);
            Font nameFont = FONT.deriveFont(SIZE * 0.075f);
            GlyphVector name = nameFont.createGlyphVector(g.getFontRenderContext(), sealName);
            double width = name.getLogicalBounds().getWidth();
            double maxWidth = SIZE * 0.62;
            AffineTransform at = AffineTransform.getTranslateInstance(centre, SIZE * 0.76);
            if (width > maxWidth) {
                at.scale(maxWidth / width, 1);
            }
            at.translate(-width / 2, 0);
            g.fill(at.createTransformedShape(name.getOutline()));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(indexed(image), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The picture in four shades of the seal's red from transparent to opaque, two bits a pixel: a fifth of the
     * full-colour file, which every signature embeds twice and every verification hashes.
     */
    private static BufferedImage indexed(BufferedImage argb) {
        int shades = 4;
        byte[] r = new byte[shades];
        byte[] g = new byte[shades];
        byte[] b = new byte[shades];
        byte[] a = new byte[shades];
        for (int i = 0; i < shades; i++) {
            r[i] = (byte) RED.getRed();
            g[i] = (byte) RED.getGreen();
            b[i] = (byte) RED.getBlue();
            a[i] = (byte) (i * 255 / (shades - 1));
        }
        BufferedImage indexed = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_BINARY,
                new IndexColorModel(2, shades, r, g, b, a));
        WritableRaster raster = indexed.getRaster();
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int alpha = argb.getRGB(x, y) >>> 24;
                raster.setSample(x, y, 0, (alpha * (shades - 1) + 127) / 255);
            }
        }
        return indexed;
    }

    /** Characters spread over the upper arc (160° to 250° by length), upright towards the centre, from lower left to lower right. */
    private static void arcText(Graphics2D g, String text, double centre, double radius) {
        int n = text.codePointCount(0, text.length());
        double span = Math.toRadians(n <= 6 ? 160 : Math.min(250, 160 + (n - 6) * 12));
        double spacing = radius * span / n;
        float size = (float) Math.min(SIZE * 0.105, spacing);
        // Long names get condensed characters, as on real seals, rather than smaller ones.
        double condense = Math.min(1, spacing * 0.8 / size);
        Font font = FONT.deriveFont(size);
        FontRenderContext frc = g.getFontRenderContext();
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < n; i++) {
            double angle = -Math.PI / 2 - span / 2 + span * (i + 0.5) / n;
            GlyphVector glyph = font.createGlyphVector(frc, new String(Character.toChars(codePoints[i])));
            double w = glyph.getLogicalBounds().getWidth();
            AffineTransform at = AffineTransform.getTranslateInstance(centre + radius * Math.cos(angle),
                    centre + radius * Math.sin(angle));
            at.rotate(angle + Math.PI / 2);
            at.scale(condense, 1);
            at.translate(-w / 2, size * 0.85);
            g.fill(at.createTransformedShape(glyph.getOutline()));
        }
    }

    private static Path2D star(double cx, double cy, double outer) {
        double inner = outer * 0.382;
        Path2D path = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double x = cx + r * Math.cos(a);
            double y = cy + r * Math.sin(a);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }

    private static Font loadFont() {
        try (InputStream in = SealPicture.class.getResourceAsStream("/fonts/NotoSerifSC-Bold-GB2312.ttf")) {
            if (in == null) {
                throw new IllegalStateException("font fonts/NotoSerifSC-Bold-GB2312.ttf missing from the classpath");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load the seal font", e);
        }
    }
}
