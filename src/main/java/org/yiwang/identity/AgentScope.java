package org.yiwang.identity;

/**
 * 授权范围: what a person acting for an enterprise may do there. The legal representative (法定代表人) authorises each
 * agent (经办人) with one scope; the identity module records it, and the modules that hold an enterprise's cases and
 * licences enforce it through {@link ActingFor} ({@link ActingFor#mayApply()}, {@link ActingFor#maySeeCase},
 * {@link ActingFor#maySeeAllEnterpriseCases()}, {@link ActingFor#mayUseLicences()}).
 *
 * <ul>
 * <li>{@link #APPLY_ONLY} 仅申报: the agent may submit applications (申报) for the enterprise and follow the cases they
 * submitted themselves: progress, requests for corrections (补正), supplements, the decision and its delivery. They
 * may not see the enterprise's other cases (submitted by the representative or by other agents), nor its licence
 * wallet (证照夹), nor lend its licences (证照授权使用) to anyone.</li>
 * <li>{@link #ALL} 全部事项: everything the legal representative may do for the enterprise (apply, see and follow all
 * its cases, see its licence wallet and lend its licences) except managing agents (授权、撤销经办人), which only
 * the legal representative does ({@link ActingFor#mayManageAgents()}). The representative's own scope is ALL.</li>
 * </ul>
 *
 * Kept by name in {@code enterprise_agent.scope} and released by name as the {@code agent_scope} claim of ID and
 * access tokens acting for an enterprise. A change takes effect at once: a session switched into the enterprise
 * carries the scope of the authorisation valid at each request, and a token whose {@code agent_scope} is no longer
 * the current one is refused (a refresh issues one with the current scope).
 */
public enum AgentScope {
    ALL("全部事项"),
    APPLY_ONLY("仅申报");

    private final String label;

    AgentScope(String label) {
        this.label = label;
    }

    /** Chinese label, e.g. 仅申报. */
    public String label() {
        return label;
    }
}
