/**
 * Shared kernel (共享内核): value objects for the national identifiers (统一社会信用代码, 行政区划代码, 公民身份号码),
 * the error model every module reports with, and masking of personal data. Every module may use it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.yiwang.shared;
