package org.yiwang.cases;

/** An uploaded material with its bytes, for download. */
public record MaterialContent(StoredMaterial material, byte[] bytes) {
}
