package org.yiwang.region;

import org.yiwang.shared.DivisionCode;

/**
 * What this running node is: the national hub (国家政务服务平台总枢纽) or a provincial node, the region it serves and
 * the name it shows. The same binary is every node; only configuration differs. For the national hub the region
 * code is the hub's seat; it serves every region.
 */
public record NodeProfile(NodeLevel level, DivisionCode regionCode, String name) {

    /** True when {@code code} lies in the region this node serves: everywhere for the national hub. */
    public boolean serves(DivisionCode code) {
        return level == NodeLevel.NATIONAL || code.isWithin(regionCode);
    }

    public enum NodeLevel {
        NATIONAL, PROVINCE
    }
}
