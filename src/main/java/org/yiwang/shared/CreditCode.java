package org.yiwang.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.Objects;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over {@code 0-9 A-H J-N P-R T U W-Y}; the 9-character organisation
 * code inside (positions 9–17) carries its own GB 11714 check character, the 18th character checks the whole.
 */
public record CreditCode(@JsonValue String value) implements Serializable {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    public CreditCode {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new BusinessException(CommonError.INVALID_CREDIT_CODE, value);
        }
    }

    @JsonCreator
    public static CreditCode of(String value) {
        return new CreditCode(value == null ? "" : value.strip().toUpperCase());
    }

    public static boolean isValid(String s) {
        if (s == null || s.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(s.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        if (ALPHABET.charAt(check) != s.charAt(17)) {
            return false;
        }
        // The division part is 6 digits; national bodies use 000000 or 100000, which GB/T 2260 does not list.
        return s.substring(2, 8).chars().allMatch(Character::isDigit) && isValidOrganisationCode(s.substring(8, 17));
    }

    /** GB 11714 organisation code: 8 characters over 0-9 A-Z and a check character 0-9 or X. */
    static boolean isValidOrganisationCode(String code) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = code.charAt(i);
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
            } else if (c >= 'A' && c <= 'Z') {
                v = c - 'A' + 10;
            } else {
                return false;
            }
            sum += v * ORG_WEIGHTS[i];
        }
        int c9 = 11 - sum % 11;
        char expected = c9 == 10 ? 'X' : c9 == 11 ? '0' : (char) ('0' + c9);
        return code.charAt(8) == expected;
    }

    /** The 6-digit administrative division of the registering authority. */
    public String divisionPart() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
