package org.yiwang.portal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.yiwang.cases.Applications;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.CurrentApplicant;
import org.yiwang.identity.CurrentPerson;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.identity.Person;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.region.NodeProfile;

/**
 * What the common layout shows on every page, however the page was rendered (controller, error page, exception
 * handler): the node's name, the language switch and who is logged in (staff member, citizen). Used as {@code ${@portalSite...}}.
 */
@Component("portalSite")
public class PortalSite {

    private final NodeProfile node;
    private final CurrentApplicant applicant;
    private final Applications applications;

    PortalSite(NodeProfile node, CurrentApplicant applicant, Applications applications) {
        this.node = node;
        this.applicant = applicant;
        this.applications = applications;
    }

    public String nodeName() {
        return node.name();
    }

    public @Nullable Staff staff() {
        return CurrentStaff.find().orElse(null);
    }

    /** Whether the logged-in staff member administers the platform (calendar, departments, integrity). */
    public boolean platformAdmin() {
        Staff staff = staff();
        return staff != null && staff.has(StaffRole.PLATFORM_ADMIN);
    }

    public @Nullable Person person() {
        return CurrentPerson.find().orElse(null);
    }

    /** How many of the logged-in citizen's (or their enterprise's) case messages are unread; 0 without a citizen. */
    public long unreadMessages() {
        return applicant.find().map(applications::unreadMessages).orElse(0L);
    }

    /** The enterprise the citizen has switched into (法人账号切换), if any. */
    public @Nullable ActingFor acting() {
        return CurrentPerson.acting().orElse(null);
    }

    /** The current page with {@code lang} replaced; on an error page, the address that failed. */
    public String switchLanguage(String lang) {
        return withParam("lang", lang);
    }

    /** The current address with one query parameter replaced, e.g. for paging links. */
    public String withParam(String name, Object value) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "/?" + name + "=" + value;
        }
        HttpServletRequest request = attributes.getRequest();
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed != null ? failed.toString() : request.getRequestURI();
        String query = failed != null ? null : request.getQueryString();
        return UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam(name, value).build().toUriString();
    }
}
