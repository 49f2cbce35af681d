package org.yiwang.region;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yiwang.shared.DivisionCode;
import org.yiwang.shared.DivisionLevel;

/** Builds the {@link NodeProfile} from configuration and refuses to start on a profile that cannot be right. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NodeProperties.class)
class NodeConfiguration {

    @Bean
    NodeProfile nodeProfile(NodeProperties properties, Regions regions) {
        return profile(properties, regions);
    }

    static NodeProfile profile(NodeProperties p, Regions regions) {
        if (p.level() == null) {
            throw invalid("yiwang.node.level (YIWANG_NODE_LEVEL) must be NATIONAL or PROVINCE");
        }
        if (p.name() == null || p.name().isBlank()) {
            throw invalid("yiwang.node.name (YIWANG_NODE_NAME) must name the node, e.g. 广东政务服务网");
        }
        String code = p.regionCode() == null ? "" : p.regionCode().strip();
        if (!DivisionCode.isWellFormed(code)) {
            throw invalid("yiwang.node.region-code (YIWANG_NODE_REGION) '" + code + "' is not a division code");
        }
        Region region = regions.find(new DivisionCode(code)).orElseThrow(
                () -> invalid("yiwang.node.region-code (YIWANG_NODE_REGION) '" + code + "' is not a known region"));
        if (p.level() == NodeProfile.NodeLevel.PROVINCE && region.level() != DivisionLevel.PROVINCE) {
            throw invalid("a PROVINCE node needs a province code (2 digits), not '" + code + "' (" + region.name()
                    + ")");
        }
        return new NodeProfile(p.level(), region.code(), p.name().strip());
    }

    private static IllegalStateException invalid(String message) {
        return new IllegalStateException("Invalid node profile: " + message);
    }
}
