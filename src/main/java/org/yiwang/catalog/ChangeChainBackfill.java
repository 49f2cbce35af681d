package org.yiwang.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Migration 4.6: chains the change entries recorded before the hash chain existed (migration 4.5 added the columns),
 * per item in the order they were recorded, then makes the chain columns mandatory and seq unique per item.
 */
@Component
class ChangeChainBackfill implements JavaMigration {

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4.6");
    }

    @Override
    public String getDescription() {
        return "catalog change chain backfill";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table catalog_item_change disable trigger catalog_item_change_append_only");
            chainAll(connection);
            ddl.execute("alter table catalog_item_change enable trigger catalog_item_change_append_only");
            ddl.execute("""
                    alter table catalog_item_change
                        alter column seq set not null,
                        alter column prev_hash set not null,
                        alter column hash set not null,
                        add constraint catalog_item_change_seq unique (code, seq)""");
        }
    }

    /** Sets seq, prev_hash and hash of every entry; the append-only trigger must be disabled. */
    void chainAll(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
                ResultSet rs = select.executeQuery("""
                        select id, code, version, action, actor, at, reason, changes from catalog_item_change
                        order by code, id""");
                PreparedStatement update = connection.prepareStatement(
                        "update catalog_item_change set seq = ?, prev_hash = ?, hash = ? where id = ?")) {
            @Nullable String code = null;
            String prev = ChangeChain.GENESIS;
            int seq = 0;
            while (rs.next()) {
                if (!rs.getString("code").equals(code)) {
                    code = rs.getString("code");
                    prev = ChangeChain.GENESIS;
                    seq = 0;
                }
                seq++;
                String hash = new ChangeChain.Entry(code, seq, rs.getInt("version"), rs.getString("action"),
                        rs.getString("actor"), rs.getTimestamp("at").toInstant(), rs.getString("reason"),
                        json.readTree(rs.getString("changes"))).hash(prev);
                update.setInt(1, seq);
                update.setString(2, prev);
                update.setString(3, hash);
                update.setLong(4, rs.getLong("id"));
                update.addBatch();
                prev = hash;
            }
            update.executeBatch();
        }
    }
}
