package org.yiwang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** What acting for an enterprise permits, by role and {@link AgentScope}, as the case and licence modules ask it. */
class ActingForTest {

    private static final String CODE = "91440300MA5F3K2L57";
    private static final String NAME = "深圳市前海云帆科技有限公司";
    private static final AccountId ME = AccountId.random();
    private static final AccountId SOMEONE_ELSE = AccountId.random();

    @Test
    void anApplyOnlyAgentAppliesAndFollowsOnlyTheirOwnCases() {
        ActingFor agent = ActingFor.agent(CODE, NAME, AgentScope.APPLY_ONLY);
        assertThat(agent.mayApply()).isTrue();
        assertThat(agent.maySeeCase(ME, ME)).isTrue();
        assertThat(agent.maySeeCase(SOMEONE_ELSE, ME)).isFalse();
        assertThat(agent.maySeeAllEnterpriseCases()).isFalse();
        assertThat(agent.mayUseLicences()).isFalse();
        assertThat(agent.mayManageAgents()).isFalse();
        assertThat(agent.scopeLabel()).isEqualTo("仅申报");
    }

    @Test
    void anAgentWithAllDoesWhatTheRepresentativeDoesButManageAgents() {
        ActingFor agent = ActingFor.agent(CODE, NAME, AgentScope.ALL);
        ActingFor representative = ActingFor.representative(CODE, NAME);
        for (ActingFor acting : new ActingFor[] {agent, representative}) {
            assertThat(acting.mayApply()).isTrue();
            assertThat(acting.maySeeCase(SOMEONE_ELSE, ME)).isTrue();
            assertThat(acting.maySeeAllEnterpriseCases()).isTrue();
            assertThat(acting.mayUseLicences()).isTrue();
        }
        assertThat(agent.mayManageAgents()).isFalse();
        assertThat(representative.mayManageAgents()).isTrue();
        assertThat(representative.scope()).isEqualTo(AgentScope.ALL);
        assertThat(representative.scopeLabel()).isEqualTo("全部事项（含经办人管理）");
    }

    @Test
    void theRepresentativeCannotBeNarrowedAndAMissingScopeIsTheNarrowestForAnAgent() {
        assertThatThrownBy(() -> new ActingFor(CODE, NAME, ActingFor.Role.REPRESENTATIVE, AgentScope.APPLY_ONLY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ActingFor(CODE, NAME, ActingFor.Role.AGENT, null).scope()).isEqualTo(AgentScope.APPLY_ONLY);
        assertThat(new ActingFor(CODE, NAME, ActingFor.Role.REPRESENTATIVE, null).scope()).isEqualTo(AgentScope.ALL);
    }

    @Test
    void survivesTheSessionStoreWithItsScope() throws Exception {
        ActingFor agent = ActingFor.agent(CODE, NAME, AgentScope.APPLY_ONLY);
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(agent);
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(agent);
        }
    }

    @Test
    void scopesKeepTheirStoredNamesAndLabels() {
        assertThat(AgentScope.valueOf("ALL").label()).isEqualTo("全部事项");
        assertThat(AgentScope.valueOf("APPLY_ONLY").label()).isEqualTo("仅申报");
    }
}
