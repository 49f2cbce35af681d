/** JSON API of case handling: applicants (bearer tokens), the staff workbench, the public progress query. */
@org.jspecify.annotations.NullMarked
package org.yiwang.cases.web;
