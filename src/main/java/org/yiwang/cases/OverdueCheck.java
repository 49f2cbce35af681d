package org.yiwang.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 超期: marks running cases whose promised completion date has passed (the clock not stopped) and tells the handler —
 * or the group that may take the task — once per overdue period. Safe with several instances: one run at a time
 * holds a transaction-level advisory lock (the others skip), rows being acted on are skipped ({@code SKIP LOCKED}) and
 * picked up next time, and a case is marked only while {@code overdue_since} is empty, so nobody is told twice.
 */
@Component
public class OverdueCheck {

    private static final Logger log = LoggerFactory.getLogger(OverdueCheck.class);

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final CaseTrail trail;
    private final CaseNotifications notifications;
    private final CaseClock clock;
    private final TransactionTemplate tx;

    OverdueCheck(JdbcClient jdbc, CaseStore store, CaseTrail trail, CaseNotifications notifications, CaseClock clock,
            TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.store = store;
        this.trail = trail;
        this.notifications = notifications;
        this.clock = clock;
        this.tx = tx;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${yiwang.cases.overdue.check-interval:PT10M}")
    void scheduled() {
        try {
            int marked = run();
            if (marked > 0) {
                log.info("{} cases newly overdue", marked);
            }
        } catch (RuntimeException e) {
            log.error("Overdue check failed", e);
        }
    }

    /** Marks the cases that became overdue; returns how many (0 when another instance is running the check). */
    public int run() {
        Integer marked = tx.execute(status -> {
            boolean mine = Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext(?))")
                    .param("service_case_overdue").query(Boolean.class).single());
            if (!mine) {
                return 0;
            }
            LocalDate today = clock.today();
            Instant now = clock.instant();
            List<Long> ids = jdbc.sql("""
                    UPDATE service_case SET overdue_since = :today WHERE id IN (
                        SELECT id FROM service_case
                        WHERE overdue_since IS NULL AND due_date < :today AND clock_stopped_since IS NULL
                          AND state IN ('UNDER_REVIEW', 'DECIDING', 'DECIDED')
                        ORDER BY due_date LIMIT 1000 FOR UPDATE SKIP LOCKED)
                    RETURNING id""").param("today", today).query(Long.class).list();
            for (long id : ids) {
                CaseRecord c = store.findById(id).orElseThrow();
                trail.append(id, now, CaseAction.OVERDUE, c.currentTask(), Actor.SYSTEM, null, c.state(), c.state(),
                        Map.of("promisedCompletionDate", String.valueOf(c.dueDate())));
                notifications.staff(c, "OVERDUE", "办件 " + c.caseNumber() + "（" + c.itemName() + "）已超过承诺办结日期 "
                        + c.dueDate() + "，请尽快办理。");
            }
            return ids.size();
        });
        return marked == null ? 0 : marked;
    }
}
