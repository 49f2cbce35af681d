package org.yiwang.portal.admin;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yiwang.catalog.ChangeRecordVerification;
import org.yiwang.catalog.ItemAdministration;

/** Platform administrators check every item's change record (留痕校验) and see the items whose record was tampered with. */
@Controller
class IntegrityPage {

    private final ItemAdministration items;

    IntegrityPage(ItemAdministration items) {
        this.items = items;
    }

    /** A broken change record with the item's name. */
    record BrokenItem(String name, ChangeRecordVerification verification) {
    }

    @GetMapping("/admin/integrity")
    String integrity(Model model) {
        List<BrokenItem> broken = items.verifyAllHistories().stream()
                .map(v -> new BrokenItem(items.get(v.code()).content().name(), v)).toList();
        model.addAttribute("broken", broken);
        return "admin/integrity";
    }
}
