package org.yiwang.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One field of an item's application form (申请表单).
 *
 * @param key     stable within the item; an application's form values are keyed by it
 * @param prefill the applicant's identity datum that fills the field (一号: never retyped); such a field is shown
 *                read-only and its value is taken from the identity, never from the submitted form
 * @param options the allowed values of a {@link Type#SELECT} field
 */
public record FormField(String key, String label, Type type, boolean required, @Nullable Prefill prefill,
        List<String> options, @Nullable String hint) {

    public FormField {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** What a field holds; each type has its own check. */
    public enum Type {
        TEXT("单行文本", 200),
        TEXTAREA("多行文本", 2000),
        NUMBER("数字", 30),
        DATE("日期", 10),
        SELECT("选项", 200),
        MOBILE("手机号码", 11),
        ID_NUMBER("公民身份号码", 18),
        CREDIT_CODE("统一社会信用代码", 18);

        private final String label;
        private final int maxLength;

        Type(String label, int maxLength) {
            this.label = label;
            this.maxLength = maxLength;
        }

        public String label() {
            return label;
        }

        public int maxLength() {
            return maxLength;
        }
    }

    /** Identity data a field can be filled from. */
    public enum Prefill {
        APPLICANT_NAME("申请人姓名"),
        APPLICANT_ID_NUMBER("申请人身份证号码"),
        APPLICANT_MOBILE("申请人手机号码"),
        ENTERPRISE_NAME("企业名称"),
        ENTERPRISE_CREDIT_CODE("统一社会信用代码");

        private final String label;

        Prefill(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
