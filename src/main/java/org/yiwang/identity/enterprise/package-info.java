/**
 * Legal persons (法人): the legal-person base, enterprise accounts claimed by their legal representative, agents
 * (经办人) with a scope and a validity window, and switching a person's session into an enterprise (法人账号切换).
 */
@org.jspecify.annotations.NullMarked
package org.yiwang.identity.enterprise;
