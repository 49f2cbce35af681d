package org.yiwang.catalog;

/** An item version became the public one (发布, or a new version of a published item). */
public record ItemPublished(String code, int version) {
}
