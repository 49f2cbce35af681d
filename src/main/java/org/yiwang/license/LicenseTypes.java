package org.yiwang.license;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.shared.BusinessException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The licence types of this node ({@code license_type}) and the items yielding each. The types of
 * {@code classpath:license/types.json} are written at start, so a changed template applies to licences issued from
 * then on (a licence already issued keeps its file), unless the type was edited in the console, which then keeps it.
 * The items of a shipped type are written with the type; from then on platform administrators link and unlink items
 * in the console, where they also create and edit types.
 */
@Repository
@Order(30)
class LicenseTypes implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LicenseTypes(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        try (InputStream in = new ClassPathResource("license/types.json").getInputStream()) {
            List<LicenseType> shipped = json.readValue(in, new TypeReference<List<LicenseType>>() {
            });
            shipped.forEach(this::save);
        }
    }

    /**
     * Writes a shipped type's definition unless the console has edited it; the items yielding it are written only with
     * a new type, after which they are kept in the licence types console ({@link #link}, {@link #unlink}).
     */
    void save(LicenseType type) {
        boolean inserted = jdbc.sql("""
                INSERT INTO license_type (code, name, holder_kind, fields, validity_years, layout, updated_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?::jsonb, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, holder_kind = EXCLUDED.holder_kind,
                    fields = EXCLUDED.fields, validity_years = EXCLUDED.validity_years, layout = EXCLUDED.layout,
                    updated_at = EXCLUDED.updated_at
                    WHERE NOT license_type.edited_in_console
                RETURNING xmax = 0""")
                .params(definition(type)).query(Boolean.class).optional().orElse(false);
        if (inserted) {
            type.items().forEach(item -> jdbc.sql("""
                    INSERT INTO license_type_item (item_code, type_code) VALUES (?, ?) ON CONFLICT (item_code) DO NOTHING""")
                    .params(item, type.code()).update());
        }
    }

    /** Creates a type defined in the console; false if the code is taken. */
    boolean create(LicenseType type) {
        return jdbc.sql("""
                INSERT INTO license_type (code, name, holder_kind, fields, validity_years, layout, updated_at,
                    edited_in_console)
                VALUES (?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, true) ON CONFLICT (code) DO NOTHING""")
                .params(definition(type)).update() == 1;
    }

    /** Replaces a type's definition (not its code or items) with the one edited in the console. */
    void update(LicenseType type) {
        jdbc.sql("""
                UPDATE license_type SET name = ?, holder_kind = ?, fields = ?::jsonb, validity_years = ?,
                    layout = ?::jsonb, updated_at = ?, edited_in_console = true
                WHERE code = ?""")
                .params(type.name(), type.holderKind().name(), json.writeValueAsString(type.fields()),
                        type.validityYears(), json.writeValueAsString(type.layout()), Timestamp.from(Instant.now()),
                        type.code())
                .update();
    }

    /** Whether a licence of the type has been issued or imported. */
    boolean hasLicences(String typeCode) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM license WHERE type_code = ?)").param(typeCode)
                .query(Boolean.class).single();
    }

    private Object[] definition(LicenseType type) {
        return new Object[] {type.code(), type.name(), type.holderKind().name(),
                json.writeValueAsString(type.fields()), type.validityYears(), json.writeValueAsString(type.layout()),
                Timestamp.from(Instant.now())};
    }

    /** The type an item yields, if it yields one. */
    Optional<String> typeOfItem(String itemCode) {
        return jdbc.sql("SELECT type_code FROM license_type_item WHERE item_code = ?").param(itemCode)
                .query(String.class).optional();
    }

    void link(String typeCode, String itemCode) {
        jdbc.sql("INSERT INTO license_type_item (item_code, type_code) VALUES (?, ?)").params(itemCode, typeCode)
                .update();
    }

    boolean unlink(String typeCode, String itemCode) {
        return jdbc.sql("DELETE FROM license_type_item WHERE type_code = ? AND item_code = ?")
                .params(typeCode, itemCode).update() > 0;
    }

    Optional<LicenseType> find(String code) {
        return jdbc.sql("SELECT * FROM license_type WHERE code = ?").param(code).query(this::map).optional();
    }

    LicenseType require(String code) {
        return find(code).orElseThrow(() -> new BusinessException(LicenseError.LICENSE_TYPE_NOT_FOUND, code));
    }

    List<LicenseType> all() {
        return jdbc.sql("SELECT * FROM license_type ORDER BY code").query(this::map).list();
    }

    private LicenseType map(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("code");
        Integer years = rs.getObject("validity_years", Integer.class);
        return new LicenseType(code, rs.getString("name"), LicenseType.HolderKind.valueOf(rs.getString("holder_kind")),
                json.readValue(rs.getString("fields"), new TypeReference<List<LicenseType.Field>>() {
                }), years, json.readValue(rs.getString("layout"), LicenseType.Layout.class),
                jdbc.sql("SELECT item_code FROM license_type_item WHERE type_code = ? ORDER BY item_code").param(code)
                        .query(String.class).list());
    }
}
