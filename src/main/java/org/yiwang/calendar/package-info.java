/**
 * Statutory working-day calendar (法定工作日历, 工作日): the official holiday and make-up working day (调休) schedules
 * published each year, and the working-day arithmetic that statutory time limits rely on (行政许可法 art. 82).
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.calendar;
