package org.yiwang.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes abandoned drafts (草稿): those untouched for {@code yiwang.cases.draft-retention} (30 days by default), with
 * their uploaded materials. A draft has no case number, process or trail, so nothing else refers to it. Safe with
 * several instances like {@link OverdueCheck}: one run at a time holds a transaction-level advisory lock, and drafts
 * being edited or submitted right now (locked rows) are skipped and looked at next time.
 */
@Component
public class DraftCleanup {

    private static final Logger log = LoggerFactory.getLogger(DraftCleanup.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final CaseClock clock;
    private final CasesProperties properties;
    private final TransactionTemplate tx;

    DraftCleanup(JdbcClient jdbc, CaseClock clock, CasesProperties properties, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.tx = tx;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "${yiwang.cases.draft-cleanup-interval:PT1H}")
    void scheduled() {
        try {
            int deleted = run();
            if (deleted > 0) {
                log.info("{} abandoned drafts deleted", deleted);
            }
        } catch (RuntimeException e) {
            log.error("Draft cleanup failed", e);
        }
    }

    /** Deletes the abandoned drafts; returns how many (0 when another instance is cleaning up). */
    public int run() {
        Integer deleted = tx.execute(status -> {
            boolean mine = Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext(?))")
                    .param("service_case_draft_cleanup").query(Boolean.class).single());
            if (!mine) {
                return 0;
            }
            Instant cutoff = clock.instant().minus(properties.draftRetention());
            int total = 0;
            List<Long> ids;
            do {
                ids = jdbc.sql("""
                        DELETE FROM service_case WHERE id IN (
                            SELECT id FROM service_case WHERE state = 'DRAFT' AND updated_at < ?
                            ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING id""").params(Timestamp.from(cutoff), BATCH).query(Long.class).list();
                total += ids.size();
            } while (ids.size() == BATCH);
            return total;
        });
        return deleted == null ? 0 : deleted;
    }
}
