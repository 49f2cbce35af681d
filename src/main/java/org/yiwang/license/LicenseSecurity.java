package org.yiwang.license;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The public licence API (核验, 状态查询, 授权使用): no login, no session and no CSRF token, so that any system can
 * verify a licence or fetch a copy it was given a code for. The holder's wallet API stays behind bearer tokens
 * ({@code /api/v1/me/**}).
 */
@Configuration(proxyBeanMethods = false)
class LicenseSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain publicLicenseApi(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/licenses/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
