package org.yiwang.catalog;

/** A published item stopped being public (暂停 or 取消). */
public record ItemWithdrawn(String code) {
}
