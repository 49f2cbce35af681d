package org.yiwang.region;

import org.yiwang.shared.DivisionCode;

/**
 * What this running node is: the national hub (国家政务服务平台总枢纽) or a provincial node, the region it serves and
 * the name it shows. The same binary is every node; only configuration differs.
 */
public record NodeProfile(NodeLevel level, DivisionCode regionCode, String name) {

    public enum NodeLevel {
        NATIONAL, PROVINCE
    }
}
