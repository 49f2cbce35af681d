package org.yiwang.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;

/**
 * 行政区划代码 (GB/T 2260, extended to township level by the statistics edition): 2 digits for a province, 4 for a
 * city, 6 for a county-level division, 9 for a township or street. Shorter forms are the prefixes of longer ones.
 */
public record DivisionCode(@JsonValue String value) implements Serializable {

    public DivisionCode {
        Objects.requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new BusinessException(CommonError.INVALID_DIVISION_CODE, value);
        }
    }

    @JsonCreator
    public static DivisionCode of(String value) {
        return new DivisionCode(value == null ? "" : value.strip());
    }

    /** Format check: the right length and digits, province part 11–82 and not zero. */
    public static boolean isWellFormed(String s) {
        if (s == null) {
            return false;
        }
        int n = s.length();
        if (n != 2 && n != 4 && n != 6 && n != 9 && n != 12) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        int province = Integer.parseInt(s.substring(0, 2));
        return province >= 11 && province <= 82;
    }

    public DivisionLevel level() {
        return switch (value.length()) {
            case 2 -> DivisionLevel.PROVINCE;
            case 4 -> DivisionLevel.CITY;
            case 6 -> DivisionLevel.COUNTY;
            default -> DivisionLevel.TOWNSHIP;
        };
    }

    /** The enclosing division, or empty for a province. */
    public java.util.Optional<DivisionCode> parent() {
        return switch (value.length()) {
            case 2 -> java.util.Optional.empty();
            case 4 -> java.util.Optional.of(new DivisionCode(value.substring(0, 2)));
            case 6 -> java.util.Optional.of(new DivisionCode(value.substring(0, 4)));
            default -> java.util.Optional.of(new DivisionCode(value.substring(0, 6)));
        };
    }

    /** True when this division is {@code other} or lies inside it. */
    public boolean isWithin(DivisionCode other) {
        return value.startsWith(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
