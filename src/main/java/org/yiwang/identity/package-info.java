/**
 * Identity (统一身份认证): natural persons (自然人) registered against the population base with ordered assurance
 * levels, password and SMS login and their sessions ({@code person}); enterprises (法人) claimed by their legal
 * representative and the agents (经办人) they authorise ({@code enterprise}); the OpenID Connect provider through which
 * connected systems log people in ({@code oidc}); and staff accounts (工作人员, {@code staff}) bound to a department
 * and region with roles, logging in with two factors (password and TOTP), administered on {@code /admin/staff}.
 * {@link org.yiwang.identity.Staff} holds the one scope rule of every staff permission
 * ({@link org.yiwang.identity.Staff#covers}); a {@link org.yiwang.identity.StaffPrincipal} in the session's default
 * security context is a fully logged-in staff member ({@link org.yiwang.identity.CurrentStaff}); other modules look up
 * active colleagues (e.g. to hand on a task) through {@link org.yiwang.identity.StaffMembers}. Web security rules
 * for all of them live in {@code SecurityConfiguration}.
 *
 * <p>Other modules read the citizen of a request through {@link org.yiwang.identity.CurrentPerson} and the enterprise
 * the citizen acts for through {@link org.yiwang.identity.ActingFor}, whose {@code may…} methods say what the
 * {@link org.yiwang.identity.AgentScope} permits (the case and licence modules enforce them). The applicant of a
 * request, from a portal session or a bearer token, is {@link org.yiwang.identity.CurrentApplicant}; the identity data
 * that pre-fill application forms (一号: name, ID number, mobile) come from
 * {@link org.yiwang.identity.PersonProfiles}, and other modules encrypt ID numbers they must keep with
 * {@link org.yiwang.identity.PersonalDataCipher} under the same key as the identity module.
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.identity;
