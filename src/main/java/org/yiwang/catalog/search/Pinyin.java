package org.yiwang.catalog.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Toneless pinyin of a text, as people type it: full (社保卡 → shebaoka) and initials (sbk). A character with several
 * readings (卡 ka/qia, 行 xing/hang) yields several variants, up to {@value #MAX_VARIANTS}. Latin letters and digits
 * are kept, lower-cased; anything else is dropped.
 */
final class Pinyin {

    static final int MAX_VARIANTS = 8;

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    private static final ConcurrentHashMap<Character, List<String>> READINGS = new ConcurrentHashMap<>();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /** Full pinyin and initials of one text. */
    record Variants(Set<String> full, Set<String> initials) {
    }

    private Pinyin() {
    }

    static Variants of(String text) {
        List<String> full = List.of("");
        List<String> initials = List.of("");
        for (int i = 0; i < text.length(); i++) {
            List<String> readings = readings(text.charAt(i));
            if (readings.isEmpty()) {
                continue;
            }
            full = extend(full, readings, false);
            initials = extend(initials, readings, true);
        }
        return new Variants(withoutEmpty(full), withoutEmpty(initials));
    }

    /** True when the text looks like typed pinyin or initials: Latin letters, with optional spaces or apostrophes. */
    static boolean looksLikePinyin(String text) {
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                letter = true;
            } else if (c != ' ' && c != '\'') {
                return false;
            }
        }
        return letter;
    }

    /** The typed pinyin as indexed: lower case, without spaces and apostrophes. */
    static String normalise(String typed) {
        return typed.toLowerCase(Locale.ROOT).replace(" ", "").replace("'", "");
    }

    private static List<String> extend(List<String> prefixes, List<String> readings, boolean initialsOnly) {
        Set<String> out = new LinkedHashSet<>();
        for (String prefix : prefixes) {
            for (String reading : readings) {
                out.add(prefix + (initialsOnly ? reading.substring(0, 1) : reading));
                if (out.size() == MAX_VARIANTS) {
                    return new ArrayList<>(out);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static Set<String> withoutEmpty(List<String> values) {
        Set<String> out = new LinkedHashSet<>(values);
        out.remove("");
        return out;
    }

    private static List<String> readings(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            return List.of(String.valueOf(c));
        }
        if (c >= 'A' && c <= 'Z') {
            return List.of(String.valueOf(Character.toLowerCase(c)));
        }
        if (c < 0x3400) {
            return List.of();
        }
        return READINGS.computeIfAbsent(c, Pinyin::lookUp);
    }

    private static List<String> lookUp(char c) {
        try {
            String[] found = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return found == null ? List.of() : List.copyOf(new LinkedHashSet<>(List.of(found)));
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }
}
