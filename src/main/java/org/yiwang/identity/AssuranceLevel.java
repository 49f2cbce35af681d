package org.yiwang.identity;

import java.util.Arrays;

/**
 * 实名认证等级, ordered, after the Guangdong scale. A service item (and later an OpenID Connect client through
 * {@code acr_values}) requires a minimum level; {@link #acr()} is the value released as the {@code acr} claim.
 */
public enum AssuranceLevel {
    /** 2: the ID number's format and check character are valid; nobody confirmed it belongs to the person. */
    FORMAT_CHECKED(2, "格式校验"),
    /** 3: ID number and name confirmed against the population base, and the mobile number by an SMS code. */
    POPULATION_CONFIRMED(3, "实名核验"),
    /** 4: in addition the real person confirmed by face recognition against the ID photo. */
    FACE_CONFIRMED(4, "实人核验"),
    /** 5: confirmed by a digital certificate or in person at a service window. */
    CERTIFICATE_OR_WINDOW(5, "数字证书或窗口核验");

    private final int rank;
    private final String label;

    AssuranceLevel(int rank, String label) {
        this.rank = rank;
        this.label = label;
    }

    public static AssuranceLevel ofRank(int rank) {
        return Arrays.stream(values()).filter(l -> l.rank == rank).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no assurance level " + rank));
    }

    public int rank() {
        return rank;
    }

    /** Chinese label, e.g. 实名核验. */
    public String label() {
        return label;
    }

    /** Authentication context class reference, e.g. {@code urn:yiwang:acr:3}. */
    public String acr() {
        return "urn:yiwang:acr:" + rank;
    }

    public boolean atLeast(AssuranceLevel required) {
        return rank >= required.rank;
    }
}
