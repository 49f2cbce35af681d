package org.yiwang.shared;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

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

    /**
     * The code as a black-and-white PNG (one bit a pixel) of {@code pixels} pixels per module with a quiet zone of
     * {@code margin} modules. Written here rather than by ImageIO, whose general PNG encoder took longer for this one
     * bit-plane than encoding the code itself.
     */
    public static byte[] png(String text, int margin, int pixels) {
        BitMatrix matrix = matrix(text, margin);
        int side = matrix.getWidth() * pixels;
        int rowBytes = (side + 7) / 8;
        byte[] raw = new byte[(rowBytes + 1) * side];
        for (int module = 0; module < matrix.getHeight(); module++) {
            int first = module * pixels * (rowBytes + 1) + 1;
            for (int x = 0; x < side; x++) {
                if (!matrix.get(x / pixels, module)) {
                    raw[first + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
            for (int copy = 1; copy < pixels; copy++) {
                System.arraycopy(raw, first, raw, first + copy * (rowBytes + 1), rowBytes);
            }
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        ByteBuffer header = ByteBuffer.allocate(13).putInt(side).putInt(side).put(new byte[] {1, 0, 0, 0, 0});
        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.size() + 64);
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
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
