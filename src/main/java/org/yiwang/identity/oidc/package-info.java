/**
 * The OpenID Connect provider (统一身份认证 for connected systems), on Spring Authorization Server.
 *
 * <p>Clients (接入系统, {@link org.yiwang.identity.oidc.OidcClients}) are registered by platform administrators, on
 * the pages under {@code /admin/clients} or through {@code /api/v1/admin/oidc-clients}. Each one signs in either
 * citizens — natural persons, also acting for an enterprise — at {@code /account/login}, or staff (工作人员) at
 * {@code /login}; the user of the authorization endpoint is taken from that login's session only, so citizens and
 * staff stay apart. After login the browser returns to the saved authorization request: citizens' requests are kept
 * under their own session attribute, staff clients' in Spring's default {@code HttpSessionRequestCache}, which the
 * staff login's success handler follows.
 *
 * <p>Subjects are opaque: a person's account id, or a staff member's random subject. Claims are read from the account
 * each time a token is issued or refreshed, so a closed or disabled account gets nothing more. Access tokens are JWTs
 * (5 minutes); the bearer-token API ({@code /api/v1/me/**} for persons, {@code /api/v1/staff/**} for staff,
 * {@code /api/v1/system/**} for client credentials with scope {@code api}) also refuses tokens of disabled clients,
 * revoked tokens and, for staff, disabled accounts at once.
 *
 * <p>Refresh tokens of public clients rotate: each works once. One presented again after it was replaced betrays a
 * copy, and the whole authorization (refresh and access token) is revoked ({@code AuthorizationStore}).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("oidc")
package org.yiwang.identity.oidc;
