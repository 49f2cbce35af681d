package org.yiwang.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yiwang.region.NodeProfile.NodeLevel;
import org.yiwang.shared.DivisionCode;
import org.yiwang.shared.DivisionLevel;

class NodeConfigurationTest {

    private final Regions regions = new Regions() {
        private final Map<String, Region> known = Map.of(
                "44", new Region(new DivisionCode("44"), "广东省", null, DivisionLevel.PROVINCE, false),
                "4403", new Region(new DivisionCode("4403"), "深圳市", new DivisionCode("44"), DivisionLevel.CITY,
                        false),
                "11", new Region(new DivisionCode("11"), "北京市", null, DivisionLevel.PROVINCE, false));

        @Override
        public Optional<Region> find(DivisionCode code) {
            return Optional.ofNullable(known.get(code.value()));
        }

        @Override
        public List<Region> children(DivisionCode code) {
            return List.of();
        }

        @Override
        public List<Region> path(DivisionCode code) {
            return List.of();
        }

        @Override
        public List<Region> provinces() {
            return List.of();
        }
    };

    @Test
    void acceptsAProvinceNode() {
        NodeProfile p = NodeConfiguration.profile(new NodeProperties(NodeLevel.PROVINCE, " 44 ", " 广东政务服务网 "),
                regions);
        assertThat(p).isEqualTo(new NodeProfile(NodeLevel.PROVINCE, new DivisionCode("44"), "广东政务服务网"));
        assertThat(p.serves(new DivisionCode("440304001"))).isTrue();
        assertThat(p.serves(new DivisionCode("110105"))).isFalse();
    }

    @Test
    void nationalHubServesEveryRegion() {
        NodeProfile p = NodeConfiguration.profile(new NodeProperties(NodeLevel.NATIONAL, "11", "国家政务服务平台"),
                regions);
        assertThat(p.serves(new DivisionCode("440304001"))).isTrue();
    }

    @Test
    void refusesAProfileThatCannotBeRight() {
        assertThatThrownBy(() -> NodeConfiguration.profile(new NodeProperties(NodeLevel.PROVINCE, "4403", "深圳"),
                regions)).isInstanceOf(IllegalStateException.class).hasMessageContaining("province code");
        assertThatThrownBy(() -> NodeConfiguration.profile(new NodeProperties(NodeLevel.PROVINCE, "45", "广西"),
                regions)).hasMessageContaining("not a known region");
        assertThatThrownBy(() -> NodeConfiguration.profile(new NodeProperties(NodeLevel.PROVINCE, "4a", "x"),
                regions)).hasMessageContaining("not a division code");
        assertThatThrownBy(() -> NodeConfiguration.profile(new NodeProperties(null, "44", "x"), regions))
                .hasMessageContaining("yiwang.node.level");
        assertThatThrownBy(() -> NodeConfiguration.profile(new NodeProperties(NodeLevel.PROVINCE, "44", " "),
                regions)).hasMessageContaining("yiwang.node.name");
        assertThatThrownBy(() -> NodeConfiguration.profile(new NodeProperties(NodeLevel.PROVINCE, null, "x"),
                regions)).hasMessageContaining("region-code");
    }
}
