package org.yiwang.identity;

import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.yiwang.identity.person.PersonSessions;
import org.yiwang.identity.staff.StaffSessions;

/**
 * Web security in two filter chains. Citizens ({@code /account/**}, and the development pages {@code /dev/**}) have
 * their own chain with their own login and a security context kept apart in the session ({@link PersonSessions}),
 * so a citizen's login never reaches the staff pages and a staff login never acts as a citizen. Everything else is
 * the staff chain: public pages and the public API are open; the admin console and admin API need a staff login
 * with two factors (the login pages are in {@code staff}, which also checks every logged-in request against the
 * account) and an administrator's role, the platform-administration pages (working-day calendar, departments,
 * change-record integrity, licence types) a platform administrator; every staff member reaches their own account page
 * ({@code /admin/me}) and the case workbench ({@code /admin/cases}). The JSON API answers 401 instead of
 * redirecting to the login page and, being used with the console session, needs the CSRF token like the forms
 * (header {@code X-CSRF-TOKEN}). A citizen sent to log in from the application or case pages is led back there.
 * Sessions are stored by Spring Session JDBC; the cookie is HttpOnly and SameSite=Lax (see {@code server.servlet.session.cookie} in {@code application.yml});
 * logging out ends only that login (citizen or staff) and changes the session id; every form carries a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Scripts only from this site and never inline; nothing is loaded from elsewhere. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * Spring Security observes nothing of its own: an observation around each of its filters on every request cost
     * more than many requests' own work. Requests stay observed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain citizens(HttpSecurity http, PersonSessions sessions) throws Exception {
        http.securityMatcher("/account/**", "/dev/**")
                .securityContext(context -> context.securityContextRepository(sessions.contextRepository()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/account/login", "/account/login/**", "/account/register",
                                "/account/sms-code", "/account/reset", "/account/reset/**", "/dev/**").permitAll()
                        .anyRequest().hasAuthority(PersonSessions.ROLE))
                .requestCache(cache -> cache.requestCache(PersonSessions.RETURN_AFTER_LOGIN))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint("/account/login")))
                .logout(logout -> logout.logoutUrl("/account/logout").logoutSuccessUrl("/account/login?logout")
                        .invalidateHttpSession(false).addLogoutHandler(sessions.logoutHandler()))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, StaffSessions staffSessions) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        String[] anyStaff = Arrays.stream(StaffRole.values()).map(Enum::name).toArray(String[]::new);
        var requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(new NegatedRequestMatcher(api));
        var unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        var denied = new AccessDeniedHandlerImpl();
        var trust = new AuthenticationTrustResolverImpl();
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/admin/calendar/**", "/admin/departments/**", "/admin/clients/**",
                                "/admin/integrity", "/admin/license-types/**")
                        .hasRole(StaffRole.PLATFORM_ADMIN.name())
                        .requestMatchers("/admin/me", "/admin/me/**").hasAnyRole(anyStaff)
                        .requestMatchers("/admin/cases", "/admin/cases/**").hasAnyRole(anyStaff)
                        .requestMatchers("/admin/licenses", "/admin/licenses/**").hasAnyRole(anyStaff)
                        .requestMatchers("/admin/**", "/api/v1/admin/**").hasAnyRole(
                                StaffRole.DEPARTMENT_ADMIN.name(), StaffRole.PLATFORM_ADMIN.name())
                        .anyRequest().permitAll())
                .addFilterAfter(staffSessions.accountCheck(), SecurityContextHolderFilter.class)
                .requestCache(cache -> cache.requestCache(requestCache))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(false).addLogoutHandler(PersonSessions.NEW_SESSION_ID))
                .headers(SecurityConfiguration::headers)
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(unauthorized, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        // An API call without a login and without a CSRF token is unauthenticated (401) first.
                        .defaultAccessDeniedHandlerFor((request, response, e) -> {
                            if (e instanceof CsrfException && !trust.isAuthenticated(
                                    SecurityContextHolder.getContext().getAuthentication())) {
                                unauthorized.commence(request, response, null);
                            } else {
                                denied.handle(request, response, e);
                            }
                        }, api));
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }
}
