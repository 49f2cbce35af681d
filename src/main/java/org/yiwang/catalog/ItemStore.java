package org.yiwang.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SQL for items, their versions (content as jsonb) and their change record. */
@Repository
class ItemStore {

    private static final String ITEM_COLUMNS = """
            i.code, i.department_code, i.status, i.latest_version, i.public_version, i.revision, i.updated_at,
            i.updated_by""";
    private static final String CHANGE_COLUMNS =
            "id, code, seq, version, action, actor, at, reason, changes, prev_hash, hash";
    private static final TypeReference<List<ItemChange.FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ItemStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The item's state row. */
    record ItemRow(String code, String departmentCode, ItemStatus status, int latestVersion,
            @Nullable Integer publicVersion, int revision, Instant updatedAt, String updatedBy) {

        boolean hasDraft() {
            return publicVersion == null || latestVersion > publicVersion;
        }
    }

    boolean exists(String code) {
        return jdbc.sql("select count(*) from catalog_item where code = ?").param(code).query(Long.class).single() > 0;
    }

    Optional<ItemRow> find(String code) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from catalog_item i where code = ?").param(code)
                .query(this::itemRow).optional();
    }

    /** Locks the item row until the transaction ends, so that concurrent changes queue up. */
    Optional<ItemRow> lock(String code) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from catalog_item i where code = ? for update").param(code)
                .query(this::itemRow).optional();
    }

    ItemContent content(String code, int version) {
        return jdbc.sql("select content from catalog_item_version where code = ? and version = ?")
                .params(code, version).query((rs, n) -> readContent(rs)).single();
    }

    void insert(ItemRow item, ItemContent content, Instant at) {
        jdbc.sql("""
                insert into catalog_item (code, department_code, status, latest_version, public_version, revision,
                    created_at, created_by, updated_at, updated_by)
                values (:code, :department, :status, :latest, :public, :revision, :at, :by, :at, :by)""")
                .param("code", item.code()).param("department", item.departmentCode())
                .param("status", item.status().name()).param("latest", item.latestVersion())
                .param("public", item.publicVersion()).param("revision", item.revision())
                .param("at", Timestamp.from(at)).param("by", item.updatedBy()).update();
        insertVersion(item.code(), item.latestVersion(), content, item.updatedBy(), at);
    }

    void insertVersion(String code, int version, ItemContent content, String by, Instant at) {
        jdbc.sql("""
                insert into catalog_item_version (code, version, content, created_at, created_by)
                values (?, ?, ?::jsonb, ?, ?)""")
                .params(code, version, json.writeValueAsString(content), Timestamp.from(at), by).update();
    }

    void replaceContent(String code, int version, ItemContent content) {
        jdbc.sql("update catalog_item_version set content = ?::jsonb where code = ? and version = ?")
                .params(json.writeValueAsString(content), code, version).update();
    }

    void markPublished(String code, int version, String by, Instant at) {
        jdbc.sql("update catalog_item_version set published_at = ?, published_by = ? where code = ? and version = ?")
                .params(Timestamp.from(at), by, code, version).update();
    }

    /** Writes the new state and advances the revision. */
    void update(ItemRow item, String by, Instant at) {
        jdbc.sql("""
                update catalog_item set status = ?, latest_version = ?, public_version = ?, revision = revision + 1,
                    updated_at = ?, updated_by = ?
                where code = ?""")
                .params(item.status().name(), item.latestVersion(), item.publicVersion(), Timestamp.from(at), by,
                        item.code())
                .update();
    }

    /**
     * Appends an entry to the item's change record as the next link of its hash chain. The item row is locked first,
     * so that appends for one item queue up and cannot fork the chain.
     */
    void record(String code, int version, ItemChange.Action action, String actor, Instant at, @Nullable String reason,
            List<ItemChange.FieldChange> changes) {
        jdbc.sql("select code from catalog_item where code = ? for update").param(code).query(String.class).single();
        record Head(int seq, String hash) {
        }
        Head head = jdbc.sql("select seq, hash from catalog_item_change where code = ? order by seq desc limit 1")
                .param(code).query((rs, n) -> new Head(rs.getInt("seq"), rs.getString("hash"))).optional()
                .orElse(new Head(0, ChangeChain.GENESIS));
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        JsonNode changesJson = json.valueToTree(changes);
        var entry = new ChangeChain.Entry(code, head.seq() + 1, version, action.name(), actor, stored, reason,
                changesJson);
        jdbc.sql("""
                insert into catalog_item_change
                    (code, seq, version, action, actor, at, reason, changes, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(code, entry.seq(), version, action.name(), actor, Timestamp.from(stored), reason,
                        json.writeValueAsString(changesJson), head.hash(), entry.hash(head.hash()))
                .update();
    }

    List<ItemChange> history(String code) {
        return jdbc.sql("select " + CHANGE_COLUMNS + " from catalog_item_change where code = ? order by seq, id")
                .param(code)
                .query((rs, n) -> new ItemChange(rs.getLong("id"), rs.getString("code"), rs.getInt("seq"),
                        rs.getInt("version"), ItemChange.Action.valueOf(rs.getString("action")),
                        rs.getString("actor"), rs.getTimestamp("at").toInstant(), rs.getString("reason"),
                        json.readValue(rs.getString("changes"), CHANGES), rs.getString("prev_hash"),
                        rs.getString("hash")))
                .list();
    }

    /** The item's change record as stored, for checking its hash chain; action and changes are taken as they are. */
    List<ChangeChain.Stored> chain(String code) {
        return jdbc.sql("select " + CHANGE_COLUMNS + " from catalog_item_change where code = ? order by seq, id")
                .param(code).query((rs, n) -> stored(rs)).list();
    }

    private ChangeChain.Stored stored(ResultSet rs) throws SQLException {
        var entry = new ChangeChain.Entry(rs.getString("code"), rs.getInt("seq"), rs.getInt("version"),
                rs.getString("action"), rs.getString("actor"), rs.getTimestamp("at").toInstant(),
                rs.getString("reason"), json.readTree(rs.getString("changes")));
        return new ChangeChain.Stored(rs.getLong("id"), entry, rs.getString("prev_hash"), rs.getString("hash"));
    }

    List<String> codes() {
        return jdbc.sql("select code from catalog_item order by code").query(String.class).list();
    }

    /** Items of a department (of all when {@code department} is null), most recently changed first. */
    List<ManagedItem> list(@Nullable String department, @Nullable ItemStatus status, long offset, int limit) {
        return jdbc.sql("select " + ITEM_COLUMNS + ", v.content from catalog_item i"
                        + " join catalog_item_version v on v.code = i.code and v.version = i.latest_version"
                        + filter(department, status) + " order by i.updated_at desc, i.code limit :limit offset :offset")
                .param("department", department).param("status", status == null ? null : status.name())
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> managed(itemRow(rs, n), readContent(rs))).list();
    }

    long count(@Nullable String department, @Nullable ItemStatus status) {
        return jdbc.sql("select count(*) from catalog_item i" + filter(department, status))
                .param("department", department).param("status", status == null ? null : status.name())
                .query(Long.class).single();
    }

    private static String filter(@Nullable String department, @Nullable ItemStatus status) {
        return " where (cast(:department as varchar) is null or i.department_code = :department)"
                + " and (cast(:status as varchar) is null or i.status = :status)";
    }

    Optional<JdbcPublishedItems.Publication> publication(String code) {
        return jdbc.sql("select i.code, v.version, v.published_at " + PUBLISHED + " and i.code = ?").param(code)
                .query((rs, n) -> new JdbcPublishedItems.Publication(rs.getString(1), rs.getInt(2),
                        rs.getTimestamp(3).toInstant())).optional();
    }

    void forEachPublished(Consumer<PublishedItem> action) {
        jdbc.sql("select i.code, v.version, v.content, v.published_at " + PUBLISHED + " order by i.code").query((RowCallbackHandler) rs -> action.accept(published(rs)));
    }

    long countPublished() {
        return jdbc.sql("select count(*) from catalog_item where status = 'PUBLISHED'").query(Long.class).single();
    }

    /** The public versions of published items, as a FROM and WHERE clause. */
    private static final String PUBLISHED = """
            from catalog_item i join catalog_item_version v on v.code = i.code and v.version = i.public_version
            where i.status = 'PUBLISHED'""";

    private PublishedItem published(ResultSet rs) throws SQLException {
        return new PublishedItem(rs.getString("code"), rs.getInt("version"), readContent(rs),
                rs.getTimestamp("published_at").toInstant());
    }

    static ManagedItem managed(ItemRow row, ItemContent content) {
        return new ManagedItem(row.code(), row.status(), row.latestVersion(), row.publicVersion(), content,
                row.updatedAt(), row.updatedBy(), row.revision());
    }

    private ItemRow itemRow(ResultSet rs, int n) throws SQLException {
        return new ItemRow(rs.getString("code"), rs.getString("department_code"),
                ItemStatus.valueOf(rs.getString("status")), rs.getInt("latest_version"),
                rs.getObject("public_version", Integer.class), rs.getInt("revision"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private ItemContent readContent(ResultSet rs) throws SQLException {
        return json.readValue(rs.getString("content"), ItemContent.class);
    }
}
