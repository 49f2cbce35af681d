package org.yiwang.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks personal data (ID numbers, mobile numbers) for pages and logs. */
public final class Masking {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private Masking() {
    }

    /** {@code 110105********002X}; anything that is not 18 characters is masked whole. */
    public static String idNumber(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (s.length() != 18) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 6) + "********" + s.substring(14);
    }

    /** {@code 138****5678}. */
    public static String mobile(String s) {
        if (s == null || s.length() != 11) {
            return s == null ? "" : "*".repeat(s.length());
        }
        return s.substring(0, 3) + "****" + s.substring(7);
    }

    /** Masks every ID number and mobile number found in free text (log messages, exception texts). */
    public static String inText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = ID_NUMBER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "********" + m.group(2)));
        return MOBILE.matcher(out).replaceAll("$1****$2");
    }
}
