package org.yiwang.license;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * 证照类型: what the defining authority fixes for every licence of the type — its GB/T 36904 type code, the kind of
 * holder, the metadata fields (照面信息) with the application form field that fills each, how long a licence is valid
 * and the layout of its OFD page.
 *
 * @param validityYears null for long-term licences (长期有效)
 * @param items         implementation codes of the service items whose completion (result 0) yields the licence
 */
record LicenseType(String code, String name, HolderKind holderKind, List<Field> fields,
        @Nullable Integer validityYears, Layout layout, List<String> items) {

    enum HolderKind {
        PERSON("自然人", "公民身份号码"), ENTERPRISE("法人或其他组织", "统一社会信用代码");

        private final String label;
        private final String codeLabel;

        HolderKind(String label, String codeLabel) {
            this.label = label;
            this.codeLabel = codeLabel;
        }

        public String label() {
            return label;
        }

        public String codeLabel() {
            return codeLabel;
        }
    }

    /** A metadata field; {@code formKey} names the application form field that fills it on issuance from a case. */
    record Field(String key, String label, @Nullable String formKey, boolean required) {
    }

    /**
     * The page: size in millimetres, the title, each field placed at its top-left corner (font size in mm), the 2-D code
     * and the seal (diameter) positions.
     */
    record Layout(double width, double height, String title, double titleY, double titleSize, List<Placed> placed,
            Box code, Box seal) {
    }

    record Placed(String field, double x, double y, double size, boolean bold) {
    }

    record Box(double x, double y, double size) {
    }

    /** The label of a type field or of a field every licence has ({@link LicenseContent#STANDARD_LABELS}). */
    String label(String key) {
        if (key.equals("holderCode")) {
            return holderKind.codeLabel();
        }
        return fields.stream().filter(f -> f.key().equals(key)).map(Field::label).findFirst()
                .orElseGet(() -> LicenseContent.STANDARD_LABELS.getOrDefault(key, key));
    }
}
