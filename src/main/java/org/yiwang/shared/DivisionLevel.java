package org.yiwang.shared;

/** Level of an administrative division, from the province down to the township or street. */
public enum DivisionLevel {
    PROVINCE, CITY, COUNTY, TOWNSHIP
}
