/** HTTP API of the catalogue: the public service guide, the admin API for managing items, and file download. */
@org.jspecify.annotations.NullMarked
package org.yiwang.catalog.web;
