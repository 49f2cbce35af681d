package org.yiwang.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.identity.StaffRole;

class DemoCasesTest extends CaseTestBase {

    @Autowired
    DemoCases demo;

    long demoCases() {
        return jdbc.sql("SELECT count(*) FROM service_case WHERE idempotency_key LIKE 'demo-%'").query(Long.class)
                .single();
    }

    @Test
    void theDemoWorkbenchesHaveCasesInSeveralStatesLoadedOnce() {
        assertThat(demoCases()).isEqualTo(7);
        demo.load();
        assertThat(demoCases()).isEqualTo(7);
        assertThat(jdbc.sql("SELECT DISTINCT state FROM service_case WHERE idempotency_key LIKE 'demo-%'")
                .query(String.class).list()).contains("SUBMITTED", "COMPLETED", "CORRECTION_REQUESTED",
                "UNDER_REVIEW");
        assertThat(workbench.queue(futian(StaffRole.WINDOW_CLERK), Workbench.Queue.TASKS, 0).items())
                .extracting(CaseSummary::itemCode).contains(DemoCases.MARRIAGE);
        assertThat(workbench.queue(nanshan(StaffRole.WINDOW_CLERK), Workbench.Queue.TASKS, 0).items())
                .extracting(CaseSummary::itemCode).contains(DemoCases.SUBSISTENCE)
                .doesNotContain(DemoCases.MARRIAGE);
    }
}
