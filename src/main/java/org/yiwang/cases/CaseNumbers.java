package org.yiwang.cases;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.Counters;

/**
 * Case numbers (办件编号, domain §3): implementation code + Beijing date {@code yyyyMMdd} + a 6-digit sequence per item
 * and day, at most 50 ASCII characters, drawn from a counter row outside the submission's transaction
 * ({@link Counters}), so that submissions of a popular item do not wait for each other. Query codes (查询码) are 8
 * characters of an alphabet without look-alikes.
 */
@Component
class CaseNumbers {

    static final int SEQUENCE_DIGITS = 6;
    private static final int MAX_SEQUENCE = 999_999;
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z_-]{1,36}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final char[] QUERY_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Counters counters;

    CaseNumbers(Counters counters) {
        this.counters = counters;
    }

    String next(String itemCode, LocalDate day) {
        if (!CODE.matcher(itemCode).matches()) {
            throw new IllegalStateException("implementation code not usable in a case number: " + itemCode);
        }
        int sequence = counters.next("""
                INSERT INTO service_case_number (item_code, day, last_value) VALUES (?, ?, 1)
                ON CONFLICT (item_code, day) DO UPDATE SET last_value = service_case_number.last_value + 1
                RETURNING last_value""", itemCode, day);
        if (sequence > MAX_SEQUENCE) {
            throw new BusinessException(CasesError.CASES_NUMBER_EXHAUSTED);
        }
        return itemCode + day.format(DAY) + String.format("%0" + SEQUENCE_DIGITS + "d", sequence);
    }

    static String queryCode() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = QUERY_ALPHABET[RANDOM.nextInt(QUERY_ALPHABET.length)];
        }
        return new String(code);
    }
}
