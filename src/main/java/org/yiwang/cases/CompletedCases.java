package org.yiwang.cases;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.yiwang.identity.PersonalDataCipher;

/**
 * The outcome of completed cases for the modules that act on it (an electronic licence issued from a case, 证照生成):
 * the holder with their full identifier and the form values. Not for display.
 */
@Service
public class CompletedCases {

    /** The applicant the result belongs to: a person (ID number) or an enterprise (credit code). */
    public record Holder(boolean enterprise, String name, String code, @Nullable String personAccount) {
    }

    public record CompletedCase(String caseNumber, String itemCode, int itemVersion, String itemName,
            String departmentCode, String regionCode, ResultCode result, Instant completedAt, Holder holder,
            Map<String, String> formValues) {
    }

    private final CaseStore store;
    private final PersonalDataCipher cipher;

    CompletedCases(CaseStore store, PersonalDataCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    public Optional<CompletedCase> find(String caseNumber) {
        return store.findByNumber(caseNumber).filter(c -> c.state() == CaseState.COMPLETED
                || c.state() == CaseState.DELIVERED).map(this::completed);
    }

    private CompletedCase completed(CaseRecord c) {
        boolean enterprise = c.applicantKind() == CaseRecord.ApplicantKind.ENTERPRISE;
        String code = enterprise ? java.util.Objects.requireNonNull(c.creditCode())
                : cipher.decrypt(java.util.Objects.requireNonNull(c.applicantIdEnc()));
        return new CompletedCase(java.util.Objects.requireNonNull(c.caseNumber()), c.itemCode(), c.itemVersion(),
                c.itemName(), c.departmentCode(), c.regionCode(),
                ResultCode.of(java.util.Objects.requireNonNull(c.resultCode())).orElseThrow(),
                java.util.Objects.requireNonNull(c.completedAt()),
                new Holder(enterprise, c.applicantName(), code, c.applicantAccount()), c.formValues());
    }
}
