package org.yiwang.license;

/**
 * 证照状态 as verification reports it. {@link #EXPIRED} is not stored: a valid licence past its validity date is
 * expired. Revocation, cancellation and annulment carry a reason, shown at verification.
 */
public enum LicenseStatus {
    VALID("有效"),
    EXPIRED("已过期"),
    SUPERSEDED("已变更（有新版本）"),
    REVOKED("已撤销"),
    CANCELLED("已注销"),
    ANNULLED("已作废");

    private final String label;

    LicenseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a licence in this status may be used (shown, lent, reused): only a valid one. */
    public boolean usable() {
        return this == VALID;
    }
}
