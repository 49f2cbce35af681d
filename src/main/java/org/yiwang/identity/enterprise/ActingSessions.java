package org.yiwang.identity.enterprise;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.Person;
import org.yiwang.identity.person.PersonSessions;

/**
 * Re-derives on every request of a session switched into an enterprise how the person may act for it: a revoked or
 * expired authorisation drops the session back to the person at once, and a changed scope (an agent authorised
 * again with another {@link org.yiwang.identity.AgentScope}) replaces the session's scope at once.
 */
@Configuration(proxyBeanMethods = false)
class ActingSessions {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> actingForCheck(Enterprises enterprises) {
        var filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && session.getAttribute(PersonSessions.ACTING_ATTRIBUTE) instanceof ActingFor a) {
                    Optional<ActingFor> now = session.getAttribute(PersonSessions.CONTEXT_ATTRIBUTE)
                            instanceof SecurityContext c && c.getAuthentication() != null
                            && c.getAuthentication().getPrincipal() instanceof Person p
                            ? enterprises.acting(p.accountId(), a.creditCode()).filter(n -> n.role() == a.role())
                            : Optional.empty();
                    if (now.isEmpty()) {
                        session.removeAttribute(PersonSessions.ACTING_ATTRIBUTE);
                    } else if (!now.get().equals(a)) {
                        session.setAttribute(PersonSessions.ACTING_ATTRIBUTE, now.get());
                    }
                }
                chain.doFilter(request, response);
            }

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI();
                return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
            }
        };
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(filter);
        // After the absolute session timeout (-110), before Spring Security (-100).
        registration.setOrder(-105);
        return registration;
    }
}
