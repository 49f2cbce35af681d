package org.yiwang.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit division, birth date, 3-digit sequence, check character. Never printed in
 * full by {@link #toString()}: logs and pages show {@link #masked()}.
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private final String value;

    private IdNumber(String value) {
        this.value = value;
    }

    public static IdNumber of(String raw) {
        String v = raw == null ? "" : raw.strip().toUpperCase();
        if (!isValid(v)) {
            throw new BusinessException(CommonError.INVALID_ID_NUMBER, Masking.idNumber(v));
        }
        return new IdNumber(v);
    }

    public static boolean isValid(String s) {
        if (s == null || s.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        if (CHECK.charAt(sum % 11) != s.charAt(17) || !DivisionCode.isWellFormed(s.substring(0, 6))) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)),
                    Integer.parseInt(s.substring(10, 12)), Integer.parseInt(s.substring(12, 14)));
            return birth.getYear() >= 1900;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The full number, for the few places that must store or compare it. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public String masked() {
        return Masking.idNumber(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
