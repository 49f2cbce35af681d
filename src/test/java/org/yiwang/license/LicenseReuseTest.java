package org.yiwang.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.cases.Applications;
import org.yiwang.cases.CaseView;
import org.yiwang.cases.MaterialSource;
import org.yiwang.identity.Applicant;
import org.yiwang.shared.RuleViolations;

/** 免提交: a material a licence type replaces is filled from the applicant's licences, found by ID number. */
class LicenseReuseTest extends LicenseTestBase {

    /** 生育登记 of 深圳市卫生健康委员会: m1 居民身份证, m2 结婚证 (licence type 11100000000013186G001). */
    static final String BIRTH_REGISTRATION = "11440300MB2C92501T2000112000000";

    @Autowired
    Applications applications;

    private String applyWithoutMarriageLicence(Applicant applicant) {
        var draft = applications.createDraft(applicant, new Applications.DraftInput(BIRTH_REGISTRATION, Map.of(),
                Map.of()));
        applications.uploadToDraft(applicant, draft.draftId(), "m1", "身份证.pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return applications.submit(applicant, new Applications.Submission(draft.draftId(), null, null, null),
                UUID.randomUUID().toString()).caseNumber();
    }

    @Test
    void theMarriageLicenceFillsItsSlotWithGradeA() {
        String licence = store.findByCase(marriageCompleted()).orElseThrow().identifier().value();
        Applicant zhang = new Applicant(profile(ZHANG_SAN).person(), null);

        String number = applyWithoutMarriageLicence(zhang);

        CaseView view = applications.view(zhang, number);
        var slot = view.materials().stream().filter(m -> m.key().equals("m2")).findFirst().orElseThrow();
        assertThat(slot.filledBy()).isNotNull();
        assertThat(slot.filledBy().source()).isEqualTo(MaterialSource.LICENCE);
        assertThat(slot.filledBy().credibilityGrade()).isEqualTo("A");
        assertThat(LicenseId.isValid(slot.filledBy().licenceId())).isTrue();
        assertThat(store.find(LicenseId.parse(slot.filledBy().licenceId())).orElseThrow().holderName())
                .isEqualTo("张三");
        assertThat(licence).isNotNull();
    }

    @Test
    void withoutALicenceTheMaterialIsStillMissing() {
        Applicant li = new Applicant(profile(LI_NA).person(), null);

        assertThatThrownBy(() -> applyWithoutMarriageLicence(li)).isInstanceOfSatisfying(RuleViolations.class,
                v -> assertThat(v.violations()).anySatisfy(x -> assertThat(x.field()).isEqualTo("materials.m2")));
    }
}
