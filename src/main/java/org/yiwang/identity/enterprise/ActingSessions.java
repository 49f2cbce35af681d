package org.yiwang.identity.enterprise;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.filter.OncePerRequestFilter;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.Person;
import org.yiwang.identity.person.PersonSessions;

/**
 * Checks on every request of a session switched into an enterprise that the person may still act for it; a revoked
 * or expired authorisation drops the session back to the person at once.
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
                    boolean still = session.getAttribute(PersonSessions.CONTEXT_ATTRIBUTE) instanceof SecurityContext c
                            && c.getAuthentication() != null && c.getAuthentication().getPrincipal() instanceof Person p
                            && enterprises.acting(p.accountId(), a.creditCode()).filter(a::equals).isPresent();
                    if (!still) {
                        session.removeAttribute(PersonSessions.ACTING_ATTRIBUTE);
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
