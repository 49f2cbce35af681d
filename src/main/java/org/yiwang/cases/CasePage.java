package org.yiwang.cases;

import java.util.List;

/** One page of a list; {@code page} counts from 0. */
public record CasePage<T>(List<T> items, int page, int size, long total) {
}
