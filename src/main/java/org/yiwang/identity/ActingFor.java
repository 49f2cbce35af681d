package org.yiwang.identity;

import java.io.Serializable;

/**
 * The enterprise a logged-in person currently acts for (法人账号切换), as its legal representative or as an authorised
 * agent (经办人) within a {@link AgentScope}. The case and licence modules ask it what the person may do for the
 * enterprise; see {@link AgentScope} for what each scope permits.
 */
public record ActingFor(String creditCode, String enterpriseName, Role role, AgentScope scope)
        implements Serializable {

    public enum Role {
        REPRESENTATIVE("enterprise", "法定代表人"),
        AGENT("agent", "经办人");

        private final String accountType;
        private final String label;

        Role(String accountType, String label) {
            this.accountType = accountType;
            this.label = label;
        }

        /** The OpenID Connect {@code account_type} claim while acting in this role. */
        public String accountType() {
            return accountType;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The representative always acts with {@link AgentScope#ALL}. A missing scope (a session stored before scopes were
     * carried) is the representative's ALL or an agent's APPLY_ONLY, which the next request replaces by the current one.
     */
    public ActingFor {
        if (scope == null) {
            scope = role == Role.REPRESENTATIVE ? AgentScope.ALL : AgentScope.APPLY_ONLY;
        }
        if (role == Role.REPRESENTATIVE && scope != AgentScope.ALL) {
            throw new IllegalArgumentException("the legal representative acts with scope ALL");
        }
    }

    public static ActingFor representative(String creditCode, String enterpriseName) {
        return new ActingFor(creditCode, enterpriseName, Role.REPRESENTATIVE, AgentScope.ALL);
    }

    public static ActingFor agent(String creditCode, String enterpriseName, AgentScope scope) {
        return new ActingFor(creditCode, enterpriseName, Role.AGENT, scope);
    }

    /** Whether the person may submit applications (申报) for the enterprise: in every scope. */
    public boolean mayApply() {
        return true;
    }

    /** Whether the person may see and follow every case of the enterprise, whoever submitted it. */
    public boolean maySeeAllEnterpriseCases() {
        return scope == AgentScope.ALL;
    }

    /**
     * Whether the person ({@code viewer}) may see and follow a case of the enterprise submitted by
     * {@code submittedBy}: their own cases always, the others' only with {@link AgentScope#ALL}.
     */
    public boolean maySeeCase(AccountId submittedBy, AccountId viewer) {
        return maySeeAllEnterpriseCases() || submittedBy.equals(viewer);
    }

    /** Whether the person may open the enterprise's licence wallet (证照夹) and lend its licences (证照授权使用). */
    public boolean mayUseLicences() {
        return scope == AgentScope.ALL;
    }

    /** Whether the person may authorise and revoke agents: only the legal representative. */
    public boolean mayManageAgents() {
        return role == Role.REPRESENTATIVE;
    }

    /** The scope as shown to people: an agent's 授权范围; the representative's adds 经办人管理. */
    public String scopeLabel() {
        return role == Role.REPRESENTATIVE ? AgentScope.ALL.label() + "（含经办人管理）" : scope.label();
    }
}
