/** Web support shared by every module's API: problem details. */
@org.jspecify.annotations.NullMarked
package org.yiwang.shared.web;
