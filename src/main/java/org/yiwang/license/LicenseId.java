package org.yiwang.license;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.regex.Pattern;
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
            throw invalid(typeCode, "证照类型代码应为颁布机构的统一社会信用代码加3位数字");
        }
        if (serial == null || !SERIAL.matcher(serial).matches()) {
            throw invalid(serial, "证照编号应为1至32位数字或大写字母");
        }
        if (version < 1 || version > 999) {
            throw invalid(String.valueOf(version), "版本号应为001至999");
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
            throw invalid(s, "应以 " + PREFIX + " 开头");
        }
        String[] parts = s.substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 5) {
            throw invalid(s, "应由证照类型代码、颁证单位代码、证照编号、版本号和校验码五段组成");
        }
        if (!CreditCode.isValid(parts[1])) {
            throw invalid(s, "颁证单位代码不是有效的统一社会信用代码");
        }
        if (!parts[3].matches("\\d{3}")) {
            throw invalid(s, "版本号应为3位数字");
        }
        LicenseId id = new LicenseId(parts[0], CreditCode.of(parts[1]), parts[2], Integer.parseInt(parts[3]));
        if (parts[4].length() != 1 || parts[4].charAt(0) != id.checkCharacter()) {
            throw invalid(s, "校验码应为 " + id.checkCharacter());
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

    private static BusinessException invalid(String value, String reason) {
        return new BusinessException(LicenseError.LICENSE_ID_INVALID, value == null ? "" : value, reason);
    }
}
