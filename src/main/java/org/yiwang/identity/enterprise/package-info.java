/**
 * Legal persons (法人): the legal-person base, enterprise accounts claimed by their legal representative, agents
 * (经办人) with a scope ({@link org.yiwang.identity.AgentScope}: 全部事项 or 仅申报) and a validity window of at most a
 * year, and switching a person's session into an enterprise (法人账号切换). Whether and how a person may act for an
 * enterprise is derived again on every request of a switched session ({@code ActingSessions}) and at every token
 * issue and use (the OpenID Connect provider), so a revocation, an expiry or a changed scope takes effect at once.
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.identity.enterprise;
