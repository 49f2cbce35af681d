package org.yiwang.identity;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.yiwang.identity.person.PersonSessions;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * Web security in two filter chains. Citizens ({@code /account/**}, and the development pages {@code /dev/**}) have
 * their own chain with their own login and a security context kept apart in the session ({@link PersonSessions}),
 * so a citizen's login never reaches the staff pages and a staff login never acts as a citizen. Everything else is
 * the staff chain: public pages and the public API are open; the admin console and admin API need a staff login,
 * and the platform-administration pages (working-day calendar, departments, change-record integrity) a platform
 * administrator.
 * The JSON API answers 401 instead of redirecting to the login page. Sessions are stored by Spring Session JDBC; the
 * cookie is HttpOnly and SameSite=Lax (see {@code server.servlet.session.cookie} in {@code application.yml});
 * logging out invalidates the session; every form carries a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Name of the session cookie ({@code server.servlet.session.cookie.name}). */
    static final String SESSION_COOKIE = "YIWANG_SESSION";

    /** Scripts only from this site and never inline; nothing is loaded from elsewhere. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain citizens(HttpSecurity http, PersonSessions sessions) throws Exception {
        http.securityMatcher("/account/**", "/dev/**")
                .securityContext(context -> context.securityContextRepository(sessions.contextRepository()))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/account/login", "/account/login/**", "/account/register",
                                "/account/sms-code", "/dev/**").permitAll()
                        .anyRequest().hasAuthority(PersonSessions.ROLE))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint("/account/login")))
                .logout(logout -> logout.logoutUrl("/account/logout").logoutSuccessUrl("/account/login?logout")
                        .invalidateHttpSession(true).deleteCookies(SESSION_COOKIE))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/admin/calendar/**", "/admin/departments/**", "/admin/clients/**",
                                "/admin/integrity")
                        .hasRole(StaffRole.PLATFORM_ADMIN.name())
                        .requestMatchers("/admin/**", "/api/v1/admin/**").hasAnyRole(
                                StaffRole.DEPARTMENT_ADMIN.name(), StaffRole.PLATFORM_ADMIN.name())
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/admin", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true).deleteCookies(SESSION_COOKIE))
                .headers(SecurityConfiguration::headers)
                .httpBasic(basic -> {
                })
                .csrf(csrf -> csrf.ignoringRequestMatchers(api))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api));
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService staffAccounts(DemoStaffProperties properties, PasswordEncoder encoder) {
        Map<String, StaffPrincipal> accounts = properties.demoStaff().stream().collect(Collectors.toUnmodifiableMap(
                DemoStaffProperties.Account::username,
                a -> new StaffPrincipal(new Staff(a.username(), a.displayName(), CreditCode.of(a.departmentCode()),
                        DivisionCode.of(a.regionCode()), a.roles()), encoder.encode(a.password()))));
        return username -> {
            StaffPrincipal p = accounts.get(username);
            if (p == null) {
                throw new UsernameNotFoundException("unknown account");
            }
            return p;
        };
    }
}
