package org.yiwang.seal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.Paragraph;

/** Test OFD documents: made with ofdrw-layout, opened and changed as the ZIP packages they are. */
final class OfdFiles {

    private OfdFiles() {
    }

    static byte[] document(String... paragraphs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OFDDoc doc = new OFDDoc(out)) {
            for (String text : paragraphs) {
                doc.add(new Paragraph(text));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> entries(byte[] ofd) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    entries.put(e.getName().replaceFirst("^/", ""), zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static byte[] changed(byte[] ofd, Consumer<Map<String, byte[]>> change) {
        Map<String, byte[]> entries = entries(ofd);
        change.accept(entries);
        return OfdSealer.zip(entries);
    }

    static String find(Map<String, byte[]> entries, String suffix) {
        return entries.keySet().stream().filter(n -> n.endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + suffix + " in " + entries.keySet()));
    }
}
