package org.yiwang.license;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What one licence says (照面信息): the fields every licence has and the type's own metadata values. */
record LicenseContent(LicenseId id, String typeName, String holderName, String holderCode, String issuerName,
        LocalDate issuedOn, @Nullable LocalDate validUntil, Map<String, String> metadata) {

    /** Labels of the fields every licence has; a layout places them by these keys. */
    static final Map<String, String> STANDARD_LABELS = Map.of(
            "holderName", "持证人",
            "holderCode", "证件号码",
            "number", "证照编号",
            "issuer", "颁证单位",
            "issuedOn", "颁证日期",
            "validUntil", "有效期至");

    /** The value of a standard field or a metadata field, empty when absent. */
    String value(String key) {
        return switch (key) {
            case "holderName" -> holderName;
            case "holderCode" -> holderCode;
            case "number" -> id.serial();
            case "issuer" -> issuerName;
            case "issuedOn" -> chinese(issuedOn);
            case "validUntil" -> validUntil == null ? "长期" : chinese(validUntil);
            default -> metadata.getOrDefault(key, "");
        };
    }

    static String chinese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** The identifying values an OFD carries in its custom metadata (自定义数据), by GB/T 36901 element name. */
    Map<String, String> customData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("电子证照标识", id.value());
        data.put("证照类型代码", id.typeCode());
        data.put("证照类型名称", typeName);
        data.put("证照编号", id.serial());
        data.put("颁证单位代码", id.issuer().value());
        data.put("颁证单位", issuerName);
        data.put("颁证日期", issuedOn.toString());
        return data;
    }
}
