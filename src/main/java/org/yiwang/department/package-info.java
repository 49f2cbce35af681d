/**
 * Departments (部门, 实施主体): the government bodies that implement service items, identified by their unified social
 * credit code, with region, level and contact data.
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.department;
