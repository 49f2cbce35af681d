package org.yiwang.region;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.shared.DivisionCode;

/** Region tree API and this node's profile. */
@RestController
class RegionController {

    private final Regions regions;
    private final NodeProfile node;

    RegionController(Regions regions, NodeProfile node) {
        this.regions = regions;
        this.node = node;
    }

    @GetMapping("/api/v1/regions")
    List<RegionView> provinces() {
        return regions.provinces().stream().map(RegionView::of).toList();
    }

    @GetMapping("/api/v1/regions/{code}")
    RegionView region(@PathVariable String code) {
        Region region = regions.require(DivisionCode.of(code));
        return RegionView.withPath(region, regions.path(region.code()));
    }

    @GetMapping("/api/v1/regions/{code}/children")
    List<RegionView> children(@PathVariable String code) {
        Region region = regions.require(DivisionCode.of(code));
        return regions.children(region.code()).stream().map(RegionView::of).toList();
    }

    @GetMapping("/api/v1/node")
    NodeView node() {
        return new NodeView(node.level().name(), node.regionCode().value(), node.name(),
                regions.require(node.regionCode()).name());
    }

    record NodeView(String level, String regionCode, String name, String regionName) {
    }
}
