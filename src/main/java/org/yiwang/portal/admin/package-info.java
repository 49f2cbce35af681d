/**
 * The administrators' console (管理后台): department administrators manage their items — edit, publish, suspend,
 * resume, cancel, upload blank forms and samples, read the change record — through the catalogue's
 * {@link org.yiwang.catalog.ItemAdministration}; staff handle cases on the workbench (办件工作台, {@code /admin/cases})
 * through {@link org.yiwang.cases.Workbench}.
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.portal.admin;
