package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiwang.catalog.ItemAdministrationTest.logIn;
import static org.yiwang.catalog.ItemAdministrationTest.newItem;
import static org.yiwang.catalog.TestItems.SCJG;
import static org.yiwang.catalog.TestItems.with;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.IntegrationTest;
import org.yiwang.catalog.ChangeRecordVerification.Break;
import org.yiwang.catalog.ChangeRecordVerification.Problem;
import org.yiwang.shared.BusinessException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The change record as a hash chain: intact when written by the platform, broken where rows were touched in SQL. */
@IntegrationTest
class ChangeRecordChainTest {

    @Autowired
    ItemAdministration items;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DataSource dataSource;
    @Autowired
    JsonMapper json;

    @BeforeEach
    void logInAsMarketRegulation() {
        logIn(SCJG);
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aChainOverCreateSavePublishAndSuspendIsIntact() {
        String code = changedFourTimes();

        List<ItemChange> history = items.history(code);
        assertThat(history).extracting(ItemChange::seq).containsExactly(1, 2, 3, 4);
        assertThat(history.get(0).prevHash()).isEqualTo(ChangeChain.GENESIS);
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).prevHash()).isEqualTo(history.get(i - 1).hash());
        }
        assertThat(history).extracting(ItemChange::hash).doesNotHaveDuplicates()
                .allMatch(h -> h.matches("[0-9a-f]{64}"));

        ChangeRecordVerification v = items.verifyHistory(code);
        assertThat(v.intact()).isTrue();
        assertThat(v.entries()).isEqualTo(4);
        assertThat(v.head()).isEqualTo(history.get(3).hash());
        assertThat(v.firstBreak()).isNull();
        assertThat(items.verifyAllHistories()).extracting(ChangeRecordVerification::code).doesNotContain(code);
    }

    @Test
    void everyDemoItemHasAnIntactChain() {
        List<String> demo = jdbc.sql("select code from catalog_item where created_by = 'system'").query(String.class)
                .list();
        assertThat(demo).isNotEmpty();
        assertThat(items.verifyAllHistories()).extracting(ChangeRecordVerification::code)
                .doesNotContainAnyElementsOf(demo);
    }

    @Test
    void aReasonOrActorChangedInSqlIsDetectedAtThatEntry() {
        String reasonChanged = changedFourTimes();
        long suspended = items.history(reasonChanged).get(3).id();
        asTableOwner("update catalog_item_change set reason = '正常办理' where id = ?", suspended);
        assertThat(items.verifyHistory(reasonChanged)).satisfies(v -> {
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBreak()).isEqualTo(new Break(suspended, 4, Problem.HASH_MISMATCH));
        });

        String actorChanged = changedFourTimes();
        long saved = items.history(actorChanged).get(1).id();
        asTableOwner("update catalog_item_change set actor = 'someone-else' where id = ?", saved);
        assertThat(items.verifyHistory(actorChanged).firstBreak())
                .isEqualTo(new Break(saved, 2, Problem.HASH_MISMATCH));

        String changesChanged = changedFourTimes();
        long created = items.history(changesChanged).get(0).id();
        asTableOwner("""
                update catalog_item_change set changes = jsonb_set(changes, '{0,after}', '"篡改"') where id = ?""",
                created);
        assertThat(items.verifyHistory(changesChanged).firstBreak())
                .isEqualTo(new Break(created, 1, Problem.HASH_MISMATCH));

        assertThat(items.verifyAllHistories()).extracting(ChangeRecordVerification::code)
                .contains(reasonChanged, actorChanged, changesChanged);
    }

    @Test
    void anEntryRewrittenWithAFreshHashBreaksTheLinkOfTheNext() {
        String code = changedFourTimes();
        ItemChange saved = items.history(code).get(1);
        JsonNode changes = json.readTree(jdbc.sql("select changes from catalog_item_change where id = ?")
                .param(saved.id()).query(String.class).single());
        String forged = new ChangeChain.Entry(code, 2, saved.version(), saved.action().name(), "someone-else",
                saved.at(), saved.reason(), changes).hash(saved.prevHash());
        asTableOwner("update catalog_item_change set actor = 'someone-else', hash = ? where id = ?", forged,
                saved.id());

        long next = items.history(code).get(2).id();
        assertThat(items.verifyHistory(code).firstBreak()).isEqualTo(new Break(next, 3, Problem.BROKEN_LINK));
    }

    @Test
    void deletedEntriesAreDetected() {
        String middle = changedFourTimes();
        List<ItemChange> history = items.history(middle);
        asTableOwner("delete from catalog_item_change where id = ?", history.get(1).id());
        assertThat(items.verifyHistory(middle).firstBreak())
                .isEqualTo(new Break(history.get(2).id(), 3, Problem.GAP));

        String last = changedFourTimes();
        asTableOwner("delete from catalog_item_change where id = ?", items.history(last).get(3).id());
        assertThat(items.verifyHistory(last)).satisfies(v -> {
            assertThat(v.entries()).isEqualTo(3);
            assertThat(v.firstBreak()).isEqualTo(new Break(null, 4, Problem.COUNT_MISMATCH));
        });
        assertThat(items.verifyAllHistories()).extracting(ChangeRecordVerification::code).contains(middle, last);
    }

    @Test
    void twoEditorsAtOnceExtendOneLinearChain() throws Exception {
        ManagedItem item = items.create(newItem(SCJG));
        int editsEach = 8;
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> editors = new ArrayList<>();
            for (int e = 0; e < 2; e++) {
                int editor = e;
                editors.add(pool.submit(() -> {
                    logIn(SCJG);
                    start.await();
                    for (int i = 0; i < editsEach; i++) {
                        saveRetryingOnConflict(item, "0755-%d%02d".formatted(editor, i));
                    }
                    SecurityContextHolder.clearContext();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> editor : editors) {
                editor.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<ItemChange> history = items.history(item.code());
        assertThat(history).extracting(ItemChange::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 1 + 2 * editsEach).boxed().toList());
        assertThat(history).extracting(ItemChange::prevHash).doesNotHaveDuplicates();
        assertThat(items.verifyHistory(item.code()).intact()).isTrue();
    }

    @Test
    void theMigrationBackfillChainsExistingEntriesAsTheyAreAppended() throws Exception {
        String code = changedFourTimes();
        List<String> hashes = items.history(code).stream().map(ItemChange::hash).toList();
        tx.executeWithoutResult(s -> {
            jdbc.sql("alter table catalog_item_change disable trigger catalog_item_change_append_only").update();
            jdbc.sql("update catalog_item_change set seq = seq + 100, prev_hash = ?, hash = ? where code = ?")
                    .params("x".repeat(64), "y".repeat(64), code).update();
            assertThat(items.verifyHistory(code).intact()).isFalse();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                new ChangeChainBackfill().chainAll(connection);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            jdbc.sql("alter table catalog_item_change enable trigger catalog_item_change_append_only").update();
        });
        assertThat(items.history(code)).extracting(ItemChange::hash).containsExactlyElementsOf(hashes);
        assertThat(items.verifyHistory(code).intact()).isTrue();
    }

    private void saveRetryingOnConflict(ManagedItem item, String phone) {
        while (true) {
            try {
                items.update(item.code(), items.get(item.code()).revision(),
                        with(item.content(), "consultationPhone", phone));
                return;
            } catch (BusinessException e) {
                if (e.error() != CatalogError.CATALOG_REVISION_CONFLICT) {
                    throw e;
                }
            }
        }
    }

    /** Created, saved, published and suspended by the platform. */
    private String changedFourTimes() {
        ItemContent content = newItem(SCJG);
        String code = content.implementationCode();
        items.create(content);
        items.update(code, 1, with(content, "promisedLimit", TimeLimit.workingDays(5)));
        items.publish(code);
        items.suspend(code, "法规修订，暂停办理");
        return code;
    }

    /** What someone with the database owner's rights can do: switch the append-only trigger off for a moment. */
    private void asTableOwner(String sql, Object... params) {
        asTableOwner(tx, jdbc, sql, params);
    }

    static void asTableOwner(TransactionTemplate tx, JdbcClient jdbc, String sql, Object... params) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("alter table catalog_item_change disable trigger catalog_item_change_append_only").update();
            assertThat(jdbc.sql(sql).params(params).update()).isEqualTo(1);
            jdbc.sql("alter table catalog_item_change enable trigger catalog_item_change_append_only").update();
        });
    }
}
