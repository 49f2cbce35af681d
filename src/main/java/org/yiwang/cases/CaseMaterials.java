package org.yiwang.cases;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.FileKind;

/**
 * Material slots of cases in {@code service_case_material}: one current entry per slot; a new upload replaces the
 * current one, which stays for the record. Uploads are recognised by content (PDF, JPEG, PNG, OFD only), limited to
 * {@code yiwang.cases.upload.max-size} and stored in PostgreSQL with their SHA-256.
 */
@Component
class CaseMaterials {

    static final Set<FileKind> ACCEPTED = EnumSet.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG, FileKind.OFD);

    private static final String COLUMNS = "id, slot, source, file_name, media_type, size, sha256, licence_id, "
            + "credibility_grade, added_at, added_by";

    private final JdbcClient jdbc;
    private final CasesProperties properties;
    private final CaseLicences licences;

    CaseMaterials(JdbcClient jdbc, CasesProperties properties, CaseLicences licences) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.licences = licences;
    }

    /** Checks an upload before anything is stored; returns its type. */
    FileKind check(byte[] bytes) {
        if (bytes.length == 0) {
            throw new BusinessException(CasesError.CASES_UPLOAD_EMPTY);
        }
        if (bytes.length > properties.upload().maxSize().toBytes()) {
            throw new BusinessException(CasesError.CASES_UPLOAD_TOO_LARGE, properties.upload().maxSize().toString());
        }
        return FileKind.sniff(bytes).filter(ACCEPTED::contains)
                .orElseThrow(() -> new BusinessException(CasesError.CASES_UPLOAD_TYPE_NOT_ALLOWED));
    }

    StoredMaterial upload(long caseId, String slot, @Nullable String fileName, byte[] bytes, String addedBy,
            Instant at) {
        FileKind kind = check(bytes);
        replace(caseId, slot, at);
        long id = jdbc.sql("""
                INSERT INTO service_case_material (case_id, slot, source, file_name, media_type, size, sha256, content,
                    added_at, added_by) VALUES (?, ?, 'UPLOAD', ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(caseId, slot, kind.rename(cleanName(fileName, slot)), kind.mediaType(), bytes.length,
                        sha256(bytes), bytes, Timestamp.from(at), addedBy)
                .query(Long.class).single();
        return find(caseId, id).orElseThrow();
    }

    /**
     * An electronic licence the applicant holds fills the slot (免提交): its GB/T 36904 identifier and the credibility
     * grade of the copy (A–D).
     */
    StoredMaterial attachLicence(long caseId, String slot, String licenceId, String grade, String addedBy,
            Instant at) {
        replace(caseId, slot, at);
        long id = jdbc.sql("""
                INSERT INTO service_case_material (case_id, slot, source, licence_id, credibility_grade, added_at,
                    added_by) VALUES (?, ?, 'LICENCE', ?, ?, ?, ?) RETURNING id""")
                .params(caseId, slot, licenceId, grade, Timestamp.from(at), addedBy).query(Long.class).single();
        return find(caseId, id).orElseThrow();
    }

    /** Paper received at the window (窗口收取纸质材料). */
    void receivePaper(long caseId, String slot, String addedBy, Instant at) {
        replace(caseId, slot, at);
        jdbc.sql("""
                INSERT INTO service_case_material (case_id, slot, source, added_at, added_by)
                VALUES (?, ?, 'PAPER', ?, ?)""").params(caseId, slot, Timestamp.from(at), addedBy).update();
    }

    void remove(long caseId, String slot, Instant at) {
        replace(caseId, slot, at);
    }

    /** Retires the {@code current} entries (as just read) of every slot not in {@code keep}. */
    void keepOnly(long caseId, List<StoredMaterial> current, Set<String> keep, Instant at) {
        current.stream().filter(m -> !keep.contains(m.slot())).forEach(m -> replace(caseId, m.slot(), at));
    }

    List<StoredMaterial> current(long caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_case_material WHERE case_id = ? AND replaced_at IS NULL "
                + "ORDER BY id").param(caseId).query(CaseMaterials::map).list();
    }

    /** An upload's bytes, or the sealed OFD file of the electronic licence filling the slot. */
    Optional<MaterialContent> content(long caseId, long materialId) {
        return find(caseId, materialId).flatMap(m -> m.licenceId() != null ? licenceFile(m) : jdbc.sql(
                "SELECT content FROM service_case_material WHERE id = ? AND content IS NOT NULL")
                .param(materialId).query(byte[].class).optional().map(bytes -> new MaterialContent(m, bytes)));
    }

    private Optional<MaterialContent> licenceFile(StoredMaterial m) {
        String id = java.util.Objects.requireNonNull(m.licenceId());
        return licences.file(id).map(bytes -> new MaterialContent(new StoredMaterial(m.id(), m.slot(), m.source(),
                id + ".ofd", FileKind.OFD.mediaType(), (long) bytes.length, null, id, m.credibilityGrade(),
                m.addedAt(), m.addedBy()), bytes));
    }

    private Optional<StoredMaterial> find(long caseId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_case_material WHERE case_id = ? AND id = ?")
                .params(caseId, id).query(CaseMaterials::map).optional();
    }

    private static StoredMaterial map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Long size = rs.getObject("size", Long.class);
        return new StoredMaterial(rs.getLong("id"), rs.getString("slot"), MaterialSource.valueOf(rs.getString("source")),
                rs.getString("file_name"), rs.getString("media_type"), size,
                rs.getString("sha256"), rs.getString("licence_id"), rs.getString("credibility_grade"),
                rs.getTimestamp("added_at").toInstant(), rs.getString("added_by"));
    }

    private void replace(long caseId, String slot, Instant at) {
        jdbc.sql("UPDATE service_case_material SET replaced_at = ? WHERE case_id = ? AND slot = ? "
                + "AND replaced_at IS NULL").params(Timestamp.from(at), caseId, slot).update();
    }

    private static String cleanName(@Nullable String name, String slot) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) {
            base = slot;
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
