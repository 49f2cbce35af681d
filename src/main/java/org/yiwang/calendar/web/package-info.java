/** HTTP API of the working-day calendar (工作日): public queries for other systems and the administrators' loading. */
@org.jspecify.annotations.NullMarked
package org.yiwang.calendar.web;
