package org.yiwang.license;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yiwang.shared.Counters;
import org.yiwang.shared.CreditCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Licences, their files and history ({@code license}, {@code license_history}). */
@Repository
class LicenseStore {

    /** A licence to store: the file is already sealed (or not, then {@code sealed} is false). */
    record NewLicense(LicenseId identifier, String typeName, String issuerName, LicenseType.HolderKind holderKind,
            String holderName, byte[] holderCodeEnc, String holderCodeHash, String holderCodeMasked,
            String regionCode, LocalDate issuedOn, @Nullable LocalDate validUntil, Map<String, String> metadata,
            @Nullable String caseNumber, String source, byte[] file, boolean sealed, Instant at, String by) {
    }

    record HistoryEntry(String action, @Nullable String reason, String actor, Instant at, int version) {
    }

    private static final String COLUMNS = """
            id, identifier, type_name, issuer_name, holder_kind, holder_name, holder_code_masked, region_code,
            issued_on, valid_until, metadata, status, status_reason, status_changed_at, case_number, source, sealed,
            created_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Counters counters;

    LicenseStore(JdbcClient jdbc, JsonMapper json, Counters counters) {
        this.counters = counters;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The next serial number of a type at an issuer in a year: year + 7 digits (20260000001), drawn outside the
     * issuing transaction ({@link Counters}), so that issuances of one type and issuer do not wait for each other's
     * rendering and sealing.
     */
    String nextSerial(String typeCode, CreditCode issuer, int year) {
        int next = counters.next("""
                INSERT INTO license_serial (type_code, issuer_code, year, last_value) VALUES (?, ?, ?, 1)
                ON CONFLICT (type_code, issuer_code, year) DO UPDATE SET last_value = license_serial.last_value + 1
                RETURNING last_value""", typeCode, issuer.value(), year);
        return "%d%07d".formatted(year, next);
    }

    /** Raises a serial counter to an imported licence's serial, so that new ones follow it (outside the transaction). */
    void raiseSerial(String typeCode, CreditCode issuer, int year, int serial) {
        counters.next("""
                INSERT INTO license_serial (type_code, issuer_code, year, last_value) VALUES (?, ?, ?, ?)
                ON CONFLICT (type_code, issuer_code, year)
                DO UPDATE SET last_value = GREATEST(license_serial.last_value, EXCLUDED.last_value)
                RETURNING last_value""", typeCode, issuer.value(), year, serial);
    }

    long insert(NewLicense l) {
        long id = jdbc.sql("""
                INSERT INTO license (identifier, type_code, type_name, issuer_code, issuer_name, serial, version,
                    holder_kind, holder_name, holder_code_enc, holder_code_hash, holder_code_masked, region_code,
                    issued_on, valid_until, metadata, status, case_number, source, file, sealed, created_at,
                    created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'VALID', ?, ?, ?, ?, ?, ?)
                RETURNING id""")
                .params(l.identifier().value(), l.identifier().typeCode(), l.typeName(),
                        l.identifier().issuer().value(), l.issuerName(), l.identifier().serial(),
                        l.identifier().version(), l.holderKind().name(), l.holderName(), l.holderCodeEnc(),
                        l.holderCodeHash(), l.holderCodeMasked(), l.regionCode(), Date.valueOf(l.issuedOn()),
                        l.validUntil() == null ? null : Date.valueOf(l.validUntil()),
                        json.writeValueAsString(l.metadata()), l.caseNumber(), l.source(), l.file(), l.sealed(),
                        Timestamp.from(l.at()), l.by())
                .query(Long.class).single();
        return id;
    }

    void history(long licenseId, String action, @Nullable String reason, String actor, Instant at) {
        jdbc.sql("INSERT INTO license_history (license_id, action, reason, actor, at) VALUES (?, ?, ?, ?, ?)")
                .params(licenseId, action, reason, actor, Timestamp.from(at)).update();
    }

    void setStatus(long id, LicenseStatus status, @Nullable String reason, Instant at) {
        jdbc.sql("UPDATE license SET status = ?, status_reason = ?, status_changed_at = ? WHERE id = ?")
                .params(status.name(), reason, Timestamp.from(at), id).update();
    }

    Optional<IssuedLicense> find(LicenseId identifier) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM license WHERE identifier = ?").param(identifier.value())
                .query(this::map).optional();
    }

    /** Locks the licence row for a status change or a new version. */
    Optional<IssuedLicense> lock(LicenseId identifier) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM license WHERE identifier = ? FOR UPDATE")
                .param(identifier.value()).query(this::map).optional();
    }

    Optional<IssuedLicense> findByCase(String caseNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM license WHERE case_number = ? AND version = 1")
                .param(caseNumber).query(this::map).optional();
    }

    /** The holder's licences: the newest version of each, newest first. */
    List<IssuedLicense> ofHolder(String holderCodeHash) {
        return ofHolder(holderCodeHash, null);
    }

    /** The holder's newest version of each licence, of one type when {@code typeCode} is given, newest first. */
    List<IssuedLicense> ofHolder(String holderCodeHash, @Nullable String typeCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM license l WHERE holder_code_hash = :holder "
                + "AND (CAST(:type AS varchar) IS NULL OR type_code = :type) AND NOT EXISTS ("
                + "SELECT 1 FROM license n WHERE n.type_code = l.type_code AND n.issuer_code = l.issuer_code "
                + "AND n.serial = l.serial AND n.version > l.version) ORDER BY created_at DESC, id DESC")
                .param("holder", holderCodeHash).param("type", typeCode).query(this::map).list();
    }

    boolean heldBy(LicenseId identifier, String holderCodeHash) {
        return jdbc.sql("SELECT count(*) FROM license WHERE identifier = ? AND holder_code_hash = ?")
                .params(identifier.value(), holderCodeHash).query(Integer.class).single() > 0;
    }

    List<IssuedLicense> ofIssuer(CreditCode issuer, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM license WHERE issuer_code = ? ORDER BY created_at DESC, id DESC "
                + "LIMIT ?").params(issuer.value(), limit).query(this::map).list();
    }

    /** Every version of the licence and what happened to each, oldest first. */
    List<HistoryEntry> history(LicenseId identifier) {
        return jdbc.sql("""
                SELECT h.action, h.reason, h.actor, h.at, l.version FROM license_history h
                JOIN license l ON l.id = h.license_id
                WHERE l.type_code = ? AND l.issuer_code = ? AND l.serial = ? ORDER BY h.at, h.id""")
                .params(identifier.typeCode(), identifier.issuer().value(), identifier.serial())
                .query((rs, row) -> new HistoryEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getInt(5))).list();
    }

    byte[] file(long id) {
        return jdbc.sql("SELECT file FROM license WHERE id = ?").param(id).query(byte[].class).single();
    }

    byte[] holderCode(long id) {
        return jdbc.sql("SELECT holder_code_enc FROM license WHERE id = ?").param(id).query(byte[].class).single();
    }

    private IssuedLicense map(ResultSet rs, int row) throws SQLException {
        Timestamp changed = rs.getTimestamp("status_changed_at");
        Date until = rs.getDate("valid_until");
        return new IssuedLicense(rs.getLong("id"), LicenseId.parse(rs.getString("identifier")),
                rs.getString("type_name"), rs.getString("issuer_name"),
                LicenseType.HolderKind.valueOf(rs.getString("holder_kind")), rs.getString("holder_name"),
                rs.getString("holder_code_masked"), rs.getString("region_code"),
                rs.getDate("issued_on").toLocalDate(), until == null ? null : until.toLocalDate(),
                json.readValue(rs.getString("metadata"), new TypeReference<Map<String, String>>() {
                }), LicenseStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                changed == null ? null : changed.toInstant(), rs.getString("case_number"), rs.getString("source"),
                rs.getBoolean("sealed"), rs.getTimestamp("created_at").toInstant());
    }
}
