package org.yiwang.catalog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.FileKind;

/**
 * The catalogue's file store: blank forms and samples, kept in PostgreSQL. Only PDF, DOCX and XLSX are accepted,
 * recognised from their content; the limit is {@code yiwang.catalog.upload.max-size}.
 */
@Service
public class CatalogFiles {

    private static final java.util.Set<FileKind> ACCEPTED = java.util.EnumSet.of(FileKind.PDF, FileKind.DOCX,
            FileKind.XLSX);

    private final JdbcClient jdbc;
    private final DataSize maxSize;
    private final Clock clock;

    CatalogFiles(JdbcClient jdbc, @Value("${yiwang.catalog.upload.max-size:10MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.maxSize = maxSize;
        this.clock = Clock.systemUTC();
    }

    public Optional<CatalogFile> find(String id) {
        return uuid(id).flatMap(uuid -> jdbc.sql("""
                select id, name, media_type, size, sha256, uploaded_by, uploaded_at from catalog_file where id = ?""")
                .param(uuid)
                .query((rs, n) -> new CatalogFile(rs.getString("id"), rs.getString("name"), rs.getString("media_type"),
                        rs.getLong("size"), rs.getString("sha256"), rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .optional());
    }

    public Optional<byte[]> content(String id) {
        return uuid(id).flatMap(uuid -> jdbc.sql("select content from catalog_file where id = ?").param(uuid)
                .query(byte[].class).optional());
    }

    boolean exists(String id) {
        return uuid(id).map(uuid -> jdbc.sql("select count(*) from catalog_file where id = ?").param(uuid)
                .query(Long.class).single() > 0).orElse(false);
    }

    CatalogFile store(String name, byte[] bytes, String uploader) {
        String cleanName = cleanName(name);
        if (cleanName.isEmpty()) {
            throw new BusinessException(CatalogError.CATALOG_FILE_NAME_REQUIRED);
        }
        if (bytes.length == 0) {
            throw new BusinessException(CatalogError.CATALOG_FILE_EMPTY, cleanName);
        }
        if (bytes.length > maxSize.toBytes()) {
            throw new BusinessException(CatalogError.CATALOG_FILE_TOO_LARGE, cleanName, maxSize.toMegabytes());
        }
        FileKind kind = FileKind.sniff(bytes).filter(ACCEPTED::contains)
                .orElseThrow(() -> new BusinessException(CatalogError.CATALOG_FILE_TYPE_UNSUPPORTED, cleanName));
        var file = new CatalogFile(UUID.randomUUID().toString(), kind.rename(cleanName), kind.mediaType(),
                bytes.length, sha256(bytes), uploader, clock.instant());
        jdbc.sql("""
                insert into catalog_file (id, name, media_type, size, sha256, content, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.fromString(file.id()), file.name(), file.mediaType(), file.size(), file.sha256(), bytes,
                        file.uploadedBy(), Timestamp.from(file.uploadedAt()))
                .update();
        return file;
    }

    /** The last path segment, without control characters, at most 200 characters. */
    static String cleanName(String name) {
        String s = name == null ? "" : name.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return s.length() > 200 ? s.substring(s.length() - 200) : s;
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
