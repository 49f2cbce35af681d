package org.yiwang.license;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.cases.CaseCompleted;
import org.yiwang.cases.CompletedCases;
import org.yiwang.cases.ResultCode;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.Masking;

/**
 * Licences from completed cases (办结即出证). In the completing transaction a case completed with result 0 for an item
 * that yields a licence leaves a pending row ({@code license_pending_issuance}); right after the commit the licence is
 * issued and the row removed. A failure keeps the row, and {@link #retry()} tries again, so no completed case loses
 * its licence.
 */
@Component
class CaseLicenses {

    private static final Logger log = LoggerFactory.getLogger(CaseLicenses.class);

    private final JdbcClient jdbc;
    private final LicenseTypes types;
    private final LicenseIssuance issuance;
    private final LicenseStore store;
    private final CompletedCases completed;
    private final TransactionTemplate newTx;

    CaseLicenses(JdbcClient jdbc, LicenseTypes types, LicenseIssuance issuance, LicenseStore store,
            CompletedCases completed, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.types = types;
        this.issuance = issuance;
        this.store = store;
        this.completed = completed;
        this.newTx = new TransactionTemplate(transactions);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Leaves the pending row in the completing transaction and issues right after its commit; a completion of an item
     * that yields no licence costs only the type lookup.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void record(CaseCompleted event) {
        if (event.result() != ResultCode.COMPLETED) {
            return;
        }
        types.typeOfItem(event.itemCode()).ifPresent(typeCode -> {
            jdbc.sql("""
                    INSERT INTO license_pending_issuance (case_number, type_code, created_at) VALUES (?, ?, ?)
                    ON CONFLICT (case_number) DO NOTHING""")
                    .params(event.caseNumber(), typeCode, Timestamp.from(event.completedAt())).update();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    issuePending(event.caseNumber());
                }
            });
        });
    }

    @Scheduled(fixedDelayString = "${yiwang.licenses.retry-interval}", initialDelayString = "${yiwang.licenses.retry-interval}")
    void retry() {
        jdbc.sql("SELECT case_number FROM license_pending_issuance ORDER BY created_at LIMIT 100").query(String.class)
                .list().forEach(this::issuePending);
    }

    /** Issues the licence of a pending case unless another instance holds it; true when issued now. */
    boolean issuePending(String caseNumber) {
        try {
            return Boolean.TRUE.equals(newTx.execute(status -> issue(caseNumber)));
        } catch (RuntimeException e) {
            log.warn("Licence for case {} not issued yet: {}", caseNumber, Masking.inText(String.valueOf(e.getMessage())));
            newTx.executeWithoutResult(status -> jdbc.sql("""
                    UPDATE license_pending_issuance SET attempts = attempts + 1, last_error = left(?, 1000)
                    WHERE case_number = ?""").params(Masking.inText(String.valueOf(e)), caseNumber).update());
            return false;
        }
    }

    private boolean issue(String caseNumber) {
        Optional<String> typeCode = jdbc.sql("""
                SELECT type_code FROM license_pending_issuance WHERE case_number = ? FOR UPDATE SKIP LOCKED""")
                .param(caseNumber).query(String.class).optional();
        if (typeCode.isEmpty()) {
            return false;
        }
        if (store.findByCase(caseNumber).isEmpty()) {
            CompletedCases.CompletedCase c = completed.find(caseNumber).orElseThrow(
                    () -> new IllegalStateException("case " + caseNumber + " is not completed"));
            CompletedCases.Holder h = c.holder();
            LicenseType type = types.require(typeCode.get());
            issuance.issueFromCase(type, CreditCode.of(c.departmentCode()), new LicenseIssuance.Holder(h.enterprise()
                    ? LicenseType.HolderKind.ENTERPRISE : LicenseType.HolderKind.PERSON, h.name(), h.code()),
                    c.formValues(), caseNumber);
        }
        jdbc.sql("DELETE FROM license_pending_issuance WHERE case_number = ?").param(caseNumber).update();
        return true;
    }

    List<String> pending() {
        return jdbc.sql("SELECT case_number FROM license_pending_issuance ORDER BY created_at").query(String.class)
                .list();
    }
}
