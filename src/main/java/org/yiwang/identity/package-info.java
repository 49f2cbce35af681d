/**
 * Identity (统一身份认证). For now: staff accounts (工作人员) bound to a department and region with roles, taken from
 * configuration ({@code yiwang.identity.demo-staff}), and the web security rules. The account store is behind
 * {@link org.springframework.security.core.userdetails.UserDetailsService} so the unified identity service replaces
 * it without touching other modules.
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.identity;
