package org.yiwang.catalog;

import java.time.Instant;

/** The public version of an item, as the portal and the search index see it. {@code code} is the 实施编码. */
public record PublishedItem(String code, int version, ItemContent content, Instant publishedAt) {
}
