/**
 * The web portal (门户): server-rendered pages for citizens and enterprises (search, themes, departments, service
 * guides), the staff login page and the administrators' console. Thin: it only calls other modules' public APIs.
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.portal;
