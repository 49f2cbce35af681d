package org.yiwang.seal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.dom4j.DocumentException;
import org.dom4j.Element;
import org.dom4j.io.SAXReader;
import org.jspecify.annotations.Nullable;
import org.ofdrw.core.basicType.ST_Loc;
import org.xml.sax.SAXException;

/**
 * An OFD package (ZIP) unpacked once in memory for verification or sealing: no temporary files, each entry inflated
 * once.
 * Paths are resolved as OFD does: absolute from the package root when they start with {@code /}, otherwise relative
 * to the directory of the file that names them.
 */
final class OfdPackage {

    private static final int MAX_ENTRIES = 20_000;
    /** Three times the largest upload: every entry is kept in memory while the package is checked. */
    private static final long MAX_UNPACKED = 64L * 1024 * 1024;
    private static final SAXParserFactory PARSERS = parsers();
    /** Readers parse one file at a time and are kept for the next (making one cost more than parsing a small file). */
    private static final BlockingQueue<SAXReader> READERS = new ArrayBlockingQueue<>(64);

    private final Map<String, byte[]> entries;

    private OfdPackage(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    /**
     * The package, or null when it is not a ZIP archive, would unpack to more than 20,000 entries or 64 MB (so that a
     * crafted archive cannot exhaust memory), or names one file twice (another reader might show the other one).
     */
    static @Nullable OfdPackage read(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entries.size() >= MAX_ENTRIES) {
                    return null;
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream(
                        entry.getSize() > 0 && entry.getSize() < buffer.length * 64L ? (int) entry.getSize() : 1024);
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED) {
                        return null;
                    }
                    content.write(buffer, 0, n);
                }
                if (!entry.isDirectory() && entries.put(normalise(entry.getName()), content.toByteArray()) != null) {
                    return null;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return entries.isEmpty() ? null : new OfdPackage(entries);
    }

    /** Every file of the package by path, in the order of the archive. */
    Map<String, byte[]> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** The content of the file at {@code loc}, resolved from the directory {@code dir}. */
    byte[] bytes(String dir, ST_Loc loc) throws FileNotFoundException {
        return bytes(resolve(dir, loc));
    }

    byte[] bytes(String path) throws FileNotFoundException {
        byte[] content = entries.get(path);
        if (content == null) {
            throw new FileNotFoundException("/" + path);
        }
        return content;
    }

    /** The root element of the XML file at {@code path}. */
    Element xml(String path) throws FileNotFoundException, DocumentException {
        byte[] content = bytes(path);
        SAXReader reader = READERS.poll();
        if (reader == null) {
            try {
                reader = new SAXReader(PARSERS.newSAXParser().getXMLReader());
            } catch (ParserConfigurationException | SAXException e) {
                throw new DocumentException(e);
            }
            reader.setEncoding("UTF-8");
        }
        try {
            return reader.read(new ByteArrayInputStream(content)).getRootElement();
        } finally {
            READERS.offer(reader);
        }
    }

    /** The package path of {@code loc} named in a file of directory {@code dir} (no leading or trailing slash). */
    static String resolve(String dir, ST_Loc loc) {
        String path = loc.getLoc().replace('\\', '/');
        return normalise(path.startsWith("/") ? path : dir + "/" + path);
    }

    /** The directory of a package path. */
    static String directory(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String normalise(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    /** Namespace-aware, without DTDs or external entities (the XML comes from whoever uploads the file). */
    private static SAXParserFactory parsers() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return factory;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("no XML parser", e);
        }
    }
}
