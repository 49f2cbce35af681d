/**
 * The web portal (门户): server-rendered pages for citizens and enterprises (search, themes, departments, service
 * guides), online application (在线申报), 我的办件 and the public progress query (办件查询) over the {@code cases}
 * module, the staff login page and the administrators' console. Thin: it only calls other modules' public APIs.
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.portal;
