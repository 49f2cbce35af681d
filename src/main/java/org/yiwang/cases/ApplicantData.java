package org.yiwang.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yiwang.cases.CaseRecord.ApplicantKind;
import org.yiwang.catalog.FormField;
import org.yiwang.identity.AccountId;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.PersonProfile;
import org.yiwang.identity.PersonalDataCipher;
import org.yiwang.shared.IdNumber;

/**
 * The applicant as stored on a case: a natural person (from their account, or identified at the window), or an
 * enterprise with the person acting for it. {@code idNumber} and {@code mobile} are the natural person's: the
 * applicant's own, or the agent's for an enterprise.
 */
record ApplicantData(ApplicantKind kind, @Nullable AccountId account, String name, IdNumber idNumber,
        @Nullable String mobile, @Nullable String creditCode, @Nullable String agentName,
        ActingFor.@Nullable Role agentRole) {

    static ApplicantData of(PersonProfile person, @Nullable ActingFor acting) {
        if (acting == null) {
            return new ApplicantData(ApplicantKind.PERSON, person.accountId(), person.name(), person.idNumber(),
                    person.mobile(), null, null, null);
        }
        return new ApplicantData(ApplicantKind.ENTERPRISE, person.accountId(), acting.enterpriseName(),
                person.idNumber(), person.mobile(), acting.creditCode(), person.name(), acting.role());
    }

    /** The person who fills in the form: the applicant, or the agent of an enterprise. */
    String personName() {
        return agentName == null ? name : agentName;
    }

    /** The ID number or credit code whose licences may fill the applicant's material slots (免提交). */
    @Nullable String licenceHolder() {
        return kind == ApplicantKind.ENTERPRISE ? creditCode : idNumber.value();
    }

    /** The value of an identity datum for a prefilled form field; empty when this applicant has none. */
    String prefill(FormField.Prefill source) {
        return switch (source) {
            case APPLICANT_NAME -> personName();
            case APPLICANT_ID_NUMBER -> idNumber.value();
            case APPLICANT_MOBILE -> mobile == null ? "" : mobile;
            case ENTERPRISE_NAME -> kind == ApplicantKind.ENTERPRISE ? name : "";
            case ENTERPRISE_CREDIT_CODE -> creditCode == null ? "" : creditCode;
        };
    }

    /** Columns of {@code service_case} describing the applicant. */
    Map<String, @Nullable Object> columns(PersonalDataCipher cipher) {
        Map<String, @Nullable Object> c = new LinkedHashMap<>();
        c.put("applicant_kind", kind);
        c.put("applicant_account", kind == ApplicantKind.PERSON && account != null ? account.value() : null);
        c.put("applicant_name", name);
        c.put("applicant_id_enc", cipher.encrypt(idNumber.value()));
        c.put("applicant_id_hash", cipher.hash(idNumber.value()));
        c.put("applicant_mobile", mobile);
        c.put("credit_code", creditCode);
        c.put("agent_account", kind == ApplicantKind.ENTERPRISE && account != null ? account.value() : null);
        c.put("agent_name", agentName);
        c.put("agent_role", agentRole == null ? null : agentRole.name());
        return c;
    }

    @Override
    public String toString() {
        return "ApplicantData[" + kind + ", " + account + ", " + idNumber.masked() + "]";
    }
}
