package org.yiwang.catalog;

import java.time.Instant;

/** A blank form (空白表格) or sample (示例样表) in the catalogue's file store; {@code mediaType} is sniffed from the bytes. */
public record CatalogFile(String id, String name, String mediaType, long size, String sha256, String uploadedBy,
        Instant uploadedAt) {
}
