package org.yiwang.identity;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yiwang.identity.person.PersonSessions;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;

/**
 * The citizen of the current request. Citizens have their own security context, kept in the session apart from
 * the staff one: on {@code /account/**} it is the request's context, on the other (public) pages it is read from the
 * session so the header can greet the person.
 */
public final class CurrentPerson {

    private CurrentPerson() {
    }

    public static Optional<Person> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Person p) {
            return Optional.of(p);
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            if (session != null && session.getAttribute(PersonSessions.CONTEXT_ATTRIBUTE) instanceof SecurityContext c
                    && c.getAuthentication() != null && c.getAuthentication().getPrincipal() instanceof Person p) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The enterprise the person has switched into on this session, if any. */
    public static Optional<ActingFor> acting() {
        if (find().isPresent() && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpSession session = a.getRequest().getSession(false);
            if (session != null && session.getAttribute(PersonSessions.ACTING_ATTRIBUTE) instanceof ActingFor acting) {
                return Optional.of(acting);
            }
        }
        return Optional.empty();
    }

    public static Person require() {
        return find().orElseThrow(() -> new BusinessException(CommonError.UNAUTHENTICATED));
    }
}
