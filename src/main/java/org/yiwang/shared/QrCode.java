package org.yiwang.shared;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * QR codes (ZXing, error correction M): the module matrix for drawing into a document, or SVG for an {@code <img>} as
 * a {@code data:} URI (no script needed).
 */
public final class QrCode {

    /**
     * Any of the eight mask patterns makes a valid code; scoring all eight to pick the best was most of the time spent
     * encoding one.
     */
    private static final int MASK = 2;

    private QrCode() {
    }

    /**
     * The modules, one per cell, with a quiet zone of {@code margin} modules and a fixed mask pattern. Text beyond ASCII is encoded as UTF-8
     * (announced by an ECI header, which plain ASCII such as a URL does not need).
     */
    public static BitMatrix matrix(String text, int margin) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, margin);
        hints.put(EncodeHintType.QR_MASK_PATTERN, MASK);
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalStateException("text too long for a QR code", e);
        }
    }

    public static String svg(String text) {
        BitMatrix matrix = matrix(text, 4);
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    public static String dataUri(String text) {
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg(text).getBytes(StandardCharsets.UTF_8));
    }
}
