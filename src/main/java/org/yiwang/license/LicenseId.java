package org.yiwang.license;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.regex.Pattern;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;

/**
 * 电子证照标识 (GB/T 36904): {@code 1.2.156.3005.2.<type code>.<issuer>.<serial>.<version>.<check>}. The type code
 * (证照类型代码) is the credit code of the authority that defines the type and three digits; the issuer (颁证单位) is the
 * credit code of the issuing body; the serial (证照编号) is the issuer's number of the licence; the version has three
 * digits; the check character is ISO 7064 MOD 37,36 over type code, issuer, serial and version without dots.
 */
public record LicenseId(String typeCode, CreditCode issuer, String serial, int version) implements Serializable {

    /** The OID arc of electronic licences (国家电子证照). */
    public static final String PREFIX = "1.2.156.3005.2.";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern SERIAL = Pattern.compile("[0-9A-Z]{1,32}");

    public LicenseId {
        if (!isTypeCode(typeCode)) {
            throw invalid(typeCode, "type-code");
        }
        if (serial == null || !SERIAL.matcher(serial).matches()) {
            throw invalid(serial, "serial");
        }
        if (version < 1 || version > 999) {
            throw invalid(String.valueOf(version), "version-range");
        }
    }

    /** Whether {@code code} is a type code: a valid credit code followed by three digits. */
    public static boolean isTypeCode(String code) {
        return code != null && code.length() == 21 && CreditCode.isValid(code.substring(0, 18))
                && code.substring(18).chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Parses and checks an identifier; refuses it with the precise reason. */
    @JsonCreator
    public static LicenseId parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase();
        if (!s.startsWith(PREFIX)) {
            throw invalid(s, "prefix", PREFIX);
        }
        String[] parts = s.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 5) {
            throw invalid(s, "parts");
        }
        if (!CreditCode.isValid(parts[1])) {
            throw invalid(s, "issuer");
        }
        if (!parts[3].matches("\\d{3}")) {
            throw invalid(s, "version-digits");
        }
        LicenseId id = new LicenseId(parts[0], CreditCode.of(parts[1]), parts[2], Integer.parseInt(parts[3]));
        if (parts[4].length() != 1 || parts[4].charAt(0) != id.checkCharacter()) {
            throw invalid(s, "check", String.valueOf(id.checkCharacter()));
        }
        return id;
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (BusinessException e) {
            return false;
        }
    }

    /** ISO 7064 MOD 37,36 (hybrid system) over the parts without dots. */
    public char checkCharacter() {
        return check(typeCode + issuer.value() + serial + versionText());
    }

    static char check(String chars) {
        int p = 36;
        for (int i = 0; i < chars.length(); i++) {
            p = (p + ALPHABET.indexOf(chars.charAt(i))) % 36;
            if (p == 0) {
                p = 36;
            }
            p = p * 2 % 37;
        }
        return ALPHABET.charAt((37 - p) % 36);
    }

    public String versionText() {
        return "%03d".formatted(version);
    }

    /** The same licence in its next version (变更). */
    public LicenseId nextVersion() {
        return new LicenseId(typeCode, issuer, serial, version + 1);
    }

    @JsonValue
    public String value() {
        return PREFIX + typeCode + "." + issuer.value() + "." + serial + "." + versionText() + "." + checkCharacter();
    }

    @Override
    public String toString() {
        return value();
    }

    /** What is wrong is the message {@code license.id.problem.<problem>}, in the reader's language. */
    private static BusinessException invalid(String value, String problem, Object... args) {
        return new BusinessException(LicenseError.LICENSE_ID_INVALID, value == null ? "" : value,
                new DefaultMessageSourceResolvable(new String[] {"license.id.problem." + problem}, args));
    }
}
