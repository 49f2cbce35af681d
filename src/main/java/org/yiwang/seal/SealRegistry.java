package org.yiwang.seal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1Encoding;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.shared.BusinessException;

/** The seal registry (印章库): departments' seals, their status and every use (用印记录). */
@Component
class SealRegistry {

    private static final String SELECT = """
            SELECT s.id, s.department_code, s.seal_type, s.name, s.certificate_id, s.picture, s.seseal, s.valid_from,
                s.valid_to, s.status, s.status_reason, s.status_changed_at,
                (SELECT count(*) FROM seal_use u WHERE u.seal_id = s.id) AS use_count
            FROM seal s""";

    private final JdbcClient jdbc;
    private final SealMaker maker;

    SealRegistry(JdbcClient jdbc, SealMaker maker) {
        this.jdbc = jdbc;
        this.maker = maker;
    }

    /** Makes and registers an active seal of the department bound to {@code certificate}. */
    @Transactional
    Seal create(String departmentCode, String departmentName, SealType type, StoredCertificate certificate,
            Instant validFrom, Instant validTo) {
        String name = departmentName + type.label();
        int sequence = jdbc.sql("SELECT count(*) FROM seal WHERE department_code = :d AND seal_type = :t")
                .param("d", departmentCode).param("t", type.name()).query(Integer.class).single() + 1;
        String id = "%s%02d%03d".formatted(departmentCode, type.ordinal() + 1, sequence);
        byte[] picture = SealPicture.png(departmentName, type.label());
        byte[] seseal;
        try {
            seseal = maker.make(id, name, picture, certificate, validFrom, validTo).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.sql("""
                INSERT INTO seal (id, department_code, seal_type, name, certificate_id, picture, seseal, valid_from,
                    valid_to, status)
                VALUES (:id, :d, :t, :name, :cert, :picture, :seseal, :from, :to, 'ACTIVE')""")
                .param("id", id).param("d", departmentCode).param("t", type.name()).param("name", name)
                .param("cert", certificate.id()).param("picture", picture).param("seseal", seseal)
                .param("from", Timestamp.from(validFrom)).param("to", Timestamp.from(validTo)).update();
        return find(id).orElseThrow();
    }

    Optional<Seal> find(String id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(SealRegistry::map).optional();
    }

    /** The department's newest active seal of that type valid now. */
    Optional<Seal> active(String departmentCode, SealType type) {
        return jdbc.sql(SELECT + """
                 WHERE s.department_code = :d AND s.seal_type = :t AND s.status = 'ACTIVE'
                    AND s.valid_from <= now() AND s.valid_to >= now()
                ORDER BY s.created_at DESC LIMIT 1""")
                .param("d", departmentCode).param("t", type.name()).query(SealRegistry::map).optional();
    }

    /** What sealing needs of a seal: no picture, no use count. */
    record Usable(String id, UUID certificateId, byte[] seseal) {
    }

    /** As {@link #active}, light: the department's newest active seal of that type valid now. */
    Optional<Usable> usable(String departmentCode, SealType type) {
        return jdbc.sql("""
                SELECT id, certificate_id, seseal FROM seal
                WHERE department_code = :d AND seal_type = :t AND status = 'ACTIVE'
                    AND valid_from <= now() AND valid_to >= now()
                ORDER BY created_at DESC LIMIT 1""")
                .param("d", departmentCode).param("t", type.name())
                .query((rs, n) -> new Usable(rs.getString(1), rs.getObject(2, UUID.class), rs.getBytes(3)))
                .optional();
    }

    /** A registered seal's current status, read at every verification (several instances may change it). */
    record State(String name, byte[] seseal, SealStatus status, @Nullable String reason, @Nullable Instant changedAt) {
    }

    Optional<State> state(String id) {
        return jdbc.sql("SELECT name, seseal, status, status_reason, status_changed_at FROM seal WHERE id = :id")
                .param("id", id).query((rs, n) -> {
                    Timestamp changed = rs.getTimestamp(5);
                    return new State(rs.getString(1), rs.getBytes(2), SealStatus.valueOf(rs.getString(3)),
                            rs.getString(4), changed == null ? null : changed.toInstant());
                }).optional();
    }

    /** Seals of one department, or of all when {@code departmentCode} is null; by department, type, newest first. */
    List<Seal> list(@Nullable String departmentCode) {
        return jdbc.sql(SELECT + " WHERE (CAST(:d AS varchar) IS NULL OR s.department_code = :d) "
                        + "ORDER BY s.department_code, s.seal_type, s.created_at DESC")
                .param("d", departmentCode).query(SealRegistry::map).list();
    }

    boolean exists(String departmentCode, SealType type) {
        return jdbc.sql("SELECT count(*) FROM seal WHERE department_code = :d AND seal_type = :t")
                .param("d", departmentCode).param("t", type.name()).query(Integer.class).single() > 0;
    }

    /** Changes the status; refused if the seal is revoked already or has that status. */
    @Transactional
    Seal changeStatus(String id, SealStatus to, String reason, String by) {
        String why = SealError.reason(reason);
        Seal seal = find(id).orElseThrow(() -> new BusinessException(SealError.SEAL_NOT_FOUND, id));
        if (seal.status() == SealStatus.REVOKED || seal.status() == to) {
            throw new BusinessException(SealError.SEAL_STATUS_CONFLICT, seal.status().label(), to.label());
        }
        jdbc.sql("""
                UPDATE seal SET status = :s, status_reason = :r, status_changed_at = now(), status_changed_by = :by
                WHERE id = :id""")
                .param("s", to.name()).param("r", why).param("by", by).param("id", id).update();
        return find(id).orElseThrow();
    }

    /** Records a use; {@code signedHash} is the SM3 (hex) of the Signature.xml the seal signed, which names every file. */
    void recordUse(String sealId, String signedHash, Instant at, @Nullable String usedBy, @Nullable String purpose) {
        jdbc.sql("""
                INSERT INTO seal_use (seal_id, signed_hash, used_at, used_by, purpose)
                VALUES (:seal, :hash, :at, :by, :purpose)""")
                .param("seal", sealId).param("hash", signedHash).param("at", Timestamp.from(at))
                .param("by", usedBy).param("purpose", purpose).update();
    }

    /** One recorded use of a seal (用印记录). */
    record Use(Instant usedAt, String signedHash, @Nullable String usedBy, @Nullable String purpose) {
    }

    /** The seal's latest uses, newest first. */
    List<Use> uses(String sealId, int limit) {
        return jdbc.sql("""
                SELECT used_at, signed_hash, used_by, purpose FROM seal_use WHERE seal_id = :id
                ORDER BY used_at DESC, id DESC LIMIT :limit""")
                .param("id", sealId).param("limit", limit)
                .query((rs, n) -> new Use(rs.getTimestamp("used_at").toInstant(), rs.getString("signed_hash"),
                        rs.getString("used_by"), rs.getString("purpose")))
                .list();
    }

    private static Seal map(ResultSet rs, int row) throws SQLException {
        Timestamp changed = rs.getTimestamp("status_changed_at");
        return new Seal(rs.getString("id"), rs.getString("department_code"), SealType.valueOf(rs.getString("seal_type")),
                rs.getString("name"), rs.getObject("certificate_id", UUID.class), rs.getBytes("picture"),
                rs.getBytes("seseal"), rs.getTimestamp("valid_from").toInstant(),
                rs.getTimestamp("valid_to").toInstant(), SealStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), changed == null ? null : changed.toInstant(), rs.getLong("use_count"));
    }
}
