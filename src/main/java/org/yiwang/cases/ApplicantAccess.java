package org.yiwang.cases;

import java.util.Map;
import org.yiwang.cases.CaseRecord.ApplicantKind;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.Applicant;

/**
 * Which cases and drafts an applicant may see — the one place of that rule, for single cases and for lists alike.
 * A person acting for themselves sees the cases where they are the applicant; acting for an enterprise (legal
 * representative or agent), the enterprise's cases. Drafts belong to whoever prepares them, in the capacity they
 * prepared them in.
 */
final class ApplicantAccess {

    private ApplicantAccess() {
    }

    static String submitterKey(Applicant applicant) {
        return "person:" + applicant.person().accountId().value();
    }

    static boolean maySee(Applicant applicant, CaseRecord c) {
        if (c.state() == CaseState.DRAFT) {
            return ownsDraft(applicant, c);
        }
        String account = applicant.person().accountId().value();
        ActingFor acting = applicant.acting();
        if (acting == null) {
            return c.applicantKind() == ApplicantKind.PERSON && account.equals(c.applicantAccount());
        }
        return c.applicantKind() == ApplicantKind.ENTERPRISE && acting.creditCode().equals(c.creditCode())
                && (!applyOnly(acting) || account.equals(c.agentAccount()));
    }

    /** The same rule as {@link #maySee} as an SQL condition on {@code service_case}. */
    static Condition condition(Applicant applicant) {
        String account = applicant.person().accountId().value();
        ActingFor acting = applicant.acting();
        if (acting == null) {
            return new Condition("applicant_kind = 'PERSON' AND applicant_account = :account",
                    Map.of("account", account));
        }
        String where = "applicant_kind = 'ENTERPRISE' AND credit_code = :creditCode"
                + (applyOnly(acting) ? " AND agent_account = :account" : "");
        return new Condition(where, Map.of("creditCode", acting.creditCode(), "account", account));
    }

    static boolean ownsDraft(Applicant applicant, CaseRecord c) {
        ActingFor acting = applicant.acting();
        return c.state() == CaseState.DRAFT && submitterKey(applicant).equals(c.submitterKey())
                && (acting == null ? c.applicantKind() == ApplicantKind.PERSON
                        : c.applicantKind() == ApplicantKind.ENTERPRISE && acting.creditCode().equals(c.creditCode()));
    }

    /** An agent authorised to apply only (仅申报) sees only the cases they submitted themselves. */
    private static boolean applyOnly(ActingFor acting) {
        return !acting.maySeeAllEnterpriseCases();
    }

    record Condition(String where, Map<String, Object> params) {
    }
}
