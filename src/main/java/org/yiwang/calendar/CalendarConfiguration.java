package org.yiwang.calendar;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The in-memory calendar is refreshed on a schedule (see {@link ShippedSchedules}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CalendarConfiguration {
}
