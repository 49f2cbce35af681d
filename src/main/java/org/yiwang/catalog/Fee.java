package org.yiwang.catalog;

import org.jspecify.annotations.Nullable;

/** One charge of an item (收费项目): its standard, legal basis and any reduction or exemption (减免). */
public record Fee(String name, String standard, String basis, @Nullable String reduction) {
}
