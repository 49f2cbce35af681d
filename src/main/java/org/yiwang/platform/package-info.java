/**
 * Platform plumbing that belongs to no business capability: the embedded database, start-up messages,
 * logging. No other module depends on it.
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.platform;
