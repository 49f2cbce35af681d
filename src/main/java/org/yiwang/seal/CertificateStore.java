package org.yiwang.seal;

import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Certificates with their SM4-encrypted private keys ({@code seal_certificate}). */
@Repository
class CertificateStore {

    private static final String COLUMNS = "id, kind, department_code, subject, serial_number, issuer, not_before, "
            + "not_after, certificate, imported, revoked_at, revocation_reason";

    private final JdbcClient jdbc;

    CertificateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a certificate and its encrypted key; false if a ROOT or MAKER is already there. */
    boolean insert(UUID id, CertificateKind kind, @Nullable String departmentCode, X509Certificate certificate,
            byte[] encryptedKey, boolean imported) {
        try {
            return jdbc.sql("""
                    INSERT INTO seal_certificate (id, kind, department_code, subject, serial_number, issuer,
                        not_before, not_after, certificate, private_key_enc, imported)
                    VALUES (:id, :kind, :dept, :subject, :serial, :issuer, :notBefore, :notAfter, :der, :key, :imported)
                    ON CONFLICT DO NOTHING""")
                    .param("id", id).param("kind", kind.name()).param("dept", departmentCode)
                    .param("subject", certificate.getSubjectX500Principal().getName())
                    .param("serial", certificate.getSerialNumber().toString(16))
                    .param("issuer", certificate.getIssuerX500Principal().getName())
                    .param("notBefore", Timestamp.from(certificate.getNotBefore().toInstant()))
                    .param("notAfter", Timestamp.from(certificate.getNotAfter().toInstant()))
                    .param("der", certificate.getEncoded()).param("key", encryptedKey).param("imported", imported)
                    .update() == 1;
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Optional<StoredCertificate> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seal_certificate WHERE id = :id").param("id", id)
                .query(CertificateStore::map).optional();
    }

    Optional<StoredCertificate> platform(CertificateKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seal_certificate WHERE kind = :kind").param("kind", kind.name())
                .query(CertificateStore::map).optional();
    }

    /** The department's signing certificates, newest first. */
    List<StoredCertificate> ofDepartment(String departmentCode) {
        return signers(departmentCode);
    }

    /** Signing certificates of one department, or of all when {@code departmentCode} is null; newest first. */
    List<StoredCertificate> signers(@Nullable String departmentCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seal_certificate WHERE kind = 'SIGNER' "
                        + "AND (CAST(:d AS varchar) IS NULL OR department_code = :d) "
                        + "ORDER BY department_code, created_at DESC")
                .param("d", departmentCode).query(CertificateStore::map).list();
    }

    /** A certificate the platform holds, as revocation checking sees it: no DER, no key. */
    record Revocation(String issuer, String serialNumber, @Nullable Instant revokedAt, @Nullable String reason) {
    }

    /** The platform's records of these certificates (issuer and hex serial each), those it holds, in one query. */
    List<Revocation> revocations(List<X509Certificate> certificates) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            where.append(where.isEmpty() ? "" : " OR ").append("(issuer = ? AND serial_number = ?)");
            params.add(certificate.getIssuerX500Principal().getName());
            params.add(certificate.getSerialNumber().toString(16));
        }
        return jdbc.sql("SELECT issuer, serial_number, revoked_at, revocation_reason FROM seal_certificate WHERE "
                        + where).params(params)
                .query((rs, n) -> {
                    Timestamp revoked = rs.getTimestamp(3);
                    return new Revocation(rs.getString(1), rs.getString(2), revoked == null ? null : revoked.toInstant(),
                            rs.getString(4));
                }).list();
    }

    byte[] encryptedKey(UUID id) {
        return jdbc.sql("SELECT private_key_enc FROM seal_certificate WHERE id = :id").param("id", id)
                .query(byte[].class).optional()
                .orElseThrow(() -> new IllegalArgumentException("no key " + id));
    }

    boolean revoke(UUID id, Instant at, String reason) {
        return jdbc.sql("UPDATE seal_certificate SET revoked_at = :at, revocation_reason = :reason "
                        + "WHERE id = :id AND revoked_at IS NULL")
                .param("id", id).param("at", Timestamp.from(at)).param("reason", reason).update() == 1;
    }

    private static StoredCertificate map(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new StoredCertificate(rs.getObject("id", UUID.class), CertificateKind.valueOf(rs.getString("kind")),
                rs.getString("department_code"), rs.getString("subject"), rs.getString("serial_number"),
                rs.getString("issuer"), rs.getTimestamp("not_before").toInstant(),
                rs.getTimestamp("not_after").toInstant(), rs.getBytes("certificate"), rs.getBoolean("imported"),
                revoked == null ? null : revoked.toInstant(), rs.getString("revocation_reason"));
    }
}
