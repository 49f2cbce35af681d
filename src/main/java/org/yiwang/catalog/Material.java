package org.yiwang.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One application material (申请材料).
 *
 * @param key               stable within the item; situations and applications refer to it
 * @param conditional       only required when a situation answer adds it (情形材料)
 * @param source            where the applicant obtains it (申请人自备, 政府部门核发, 中介机构出具 …)
 * @param blankFormFileId   file id of the blank form (空白表格) in the catalogue's file store
 * @param sampleFileId      file id of the filled-in sample (示例样表)
 * @param licenceTypeCode   GB/T 36904 type code of an electronic licence that replaces this material (免提交)
 */
public record Material(
        String key,
        String name,
        boolean required,
        boolean conditional,
        MaterialForm form,
        int copies,
        MaterialSource source,
        @Nullable String sourceDescription,
        @Nullable String blankFormFileId,
        @Nullable String sampleFileId,
        @Nullable String notes,
        @Nullable String acceptanceStandard,
        @Nullable String legalBasis,
        @Nullable String licenceTypeCode) {

    /** 材料形式. */
    public enum MaterialForm {
        PAPER("纸质"), ELECTRONIC("电子"), PAPER_OR_ELECTRONIC("纸质或电子");

        private final String label;

        MaterialForm(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** 来源渠道. */
    public enum MaterialSource {
        APPLICANT("申请人自备"),
        GOVERNMENT_ISSUED("政府部门核发"),
        INTERMEDIARY("中介机构或法定机构出具"),
        OTHER("其他");

        private final String label;

        MaterialSource(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
