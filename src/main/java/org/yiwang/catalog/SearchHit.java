package org.yiwang.catalog;

import java.util.Set;

/**
 * What a result list shows of one item.
 *
 * @param code            实施编码
 * @param highlightedName the name, HTML-escaped, with the matched words in {@code <em>}
 * @param promisedLimit   the promised time limit as shown to people, e.g. 5个工作日 or 即时办结
 * @param onSiteVisits    到办事现场次数
 */
public record SearchHit(
        String code,
        String name,
        String highlightedName,
        String departmentCode,
        String departmentName,
        Set<Audience> audiences,
        Set<Theme> themes,
        OnlineDepth onlineDepth,
        String promisedLimit,
        int onSiteVisits) {
}
