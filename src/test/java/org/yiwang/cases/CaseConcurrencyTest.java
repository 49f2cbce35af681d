package org.yiwang.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;

/** Two actors at the same moment: one wins, the other is told, nothing is done twice. */
class CaseConcurrencyTest extends CaseTestBase {

    @Test
    void twoClerksAcceptingTheSameCaseAtOnceOneWins() throws Exception {
        String item = item(FUTIAN, 10);
        Applicant applicant = applicant(ZHANG_SAN);
        for (int round = 0; round < 5; round++) {
            String number = submit(applicant, item);
            Staff first = futian(StaffRole.WINDOW_CLERK);
            Staff second = futian(StaffRole.WINDOW_CLERK);
            List<Object> outcomes = race(() -> workbench.accept(first, number, null, "甲"),
                    () -> workbench.accept(second, number, null, "乙"));
            assertThat(outcomes).filteredOn(AcceptanceNotice.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(BusinessException.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((BusinessException) e).error()).isIn(
                            CasesError.CASES_VERSION_CONFLICT, CasesError.CASES_STATE_CONFLICT));
            CaseView after = staffView(number);
            assertThat(after.state()).isEqualTo(CaseState.UNDER_REVIEW);
            assertThat(after.trail()).filteredOn(t -> t.action() == CaseAction.ACCEPT).hasSize(1);
            assertThat(jdbc.sql("SELECT count(*) FROM act_ru_task t JOIN act_ru_execution e "
                    + "ON e.id_ = t.proc_inst_id_ WHERE e.business_key_ = ?").param(number).query(Long.class).single())
                    .as("one open task: review").isEqualTo(1);
        }
    }

    @Test
    void twoReviewersClaimingAtOnceOneGetsTheTask() throws Exception {
        String number = accepted(applicant(ZHANG_SAN), item(FUTIAN, 10), futian(StaffRole.WINDOW_CLERK));
        Staff first = futian(StaffRole.REVIEWER);
        Staff second = futian(StaffRole.REVIEWER);
        List<Object> outcomes = race(() -> workbench.claim(first, number, null),
                () -> workbench.claim(second, number, null));
        assertThat(outcomes).filteredOn(CaseView.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(BusinessException.class::isInstance).hasSize(1);
        String handler = staffView(number).currentStep().handler();
        assertThat(handler).isIn(first.username(), second.username());
    }

    @Test
    void aDoubleSubmissionWithOneIdempotencyKeyMakesOneCase() throws Exception {
        Applicant applicant = applicant(ZHANG_SAN);
        String item = item(FUTIAN, 10);
        DraftView draft = applications.createDraft(applicant, new Applications.DraftInput(item, Map.of(),
                Map.of("chain", "no")));
        applications.uploadToDraft(applicant, draft.draftId(), "m1", "a.pdf", pdf());
        String key = UUID.randomUUID().toString();
        var submission = new Applications.Submission(draft.draftId(), null, null, null);
        List<Object> outcomes = race(() -> applications.submit(applicant, submission, key),
                () -> applications.submit(applicant, submission, key));
        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(CaseView.class));
        assertThat(outcomes).extracting(o -> ((CaseView) o).caseNumber()).containsOnly(
                ((CaseView) outcomes.get(0)).caseNumber());
        assertThat(jdbc.sql("SELECT count(*) FROM service_case_trail t JOIN service_case c ON c.id = t.case_id "
                + "WHERE c.idempotency_key = ? AND t.action = 'SUBMIT'").param(key).query(Long.class).single())
                .isEqualTo(1);

        DraftView other = applications.createDraft(applicant, new Applications.DraftInput(item, Map.of(),
                Map.of("chain", "no")));
        applications.uploadToDraft(applicant, other.draftId(), "m1", "b.pdf", pdf());
        DraftView third = applications.createDraft(applicant, new Applications.DraftInput(item, Map.of(),
                Map.of("chain", "no")));
        applications.uploadToDraft(applicant, third.draftId(), "m1", "c.pdf", pdf());
        String shared = UUID.randomUUID().toString();
        List<Object> reused = race(
                () -> applications.submit(applicant, new Applications.Submission(other.draftId(), null, null, null),
                        shared),
                () -> applications.submit(applicant, new Applications.Submission(third.draftId(), null, null, null),
                        shared));
        assertThat(reused).filteredOn(CaseView.class::isInstance).hasSize(1);
        assertThat(reused).filteredOn(BusinessException.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((BusinessException) e).error())
                        .isEqualTo(CasesError.CASES_IDEMPOTENCY_KEY_REUSED));
        assertThat(jdbc.sql("SELECT count(*) FROM service_case WHERE idempotency_key = ?").param(shared)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** Runs both at the same instant; returns each result or the BusinessException it threw. */
    private static List<Object> race(Callable<?> a, Callable<?> b) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<?> task : List.of(a, b)) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    try {
                        return task.call();
                    } catch (BusinessException e) {
                        return e;
                    }
                }));
            }
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
