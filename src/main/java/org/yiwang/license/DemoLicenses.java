package org.yiwang.license;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;

/**
 * Demo node: two licences so that wallets and verification have something to show — 王五's 结婚证 (福田区民政局) and the
 * 食品经营许可证 of 深圳市南山海岸餐饮管理有限公司 (李娜's enterprise, 深圳市市场监督管理局). Issued once, after the demo
 * seals exist; a holder who already has the type is left alone.
 */
@Component
@ConditionalOnBooleanProperty("yiwang.demo.enabled")
class DemoLicenses {

    private static final Logger log = LoggerFactory.getLogger(DemoLicenses.class);

    private final LicenseTypes types;
    private final LicenseIssuance issuance;
    private final LicenseLibrary library;
    private final TransactionTemplate tx;

    DemoLicenses(LicenseTypes types, LicenseIssuance issuance, LicenseLibrary library, TransactionTemplate tx) {
        this.types = types;
        this.issuance = issuance;
        this.library = library;
        this.tx = tx;
    }

    @EventListener(ApplicationReadyEvent.class)
    void issue() {
        issue("11100000000013186G001", "11440304007550312P", new LicenseIssuance.Holder(LicenseType.HolderKind.PERSON,
                "王五", "440306197802050033"), Map.of("partnerName", "孙梅", "partnerIdNumber", "440306198306060122"));
        issue("11100000MB0143028R002", "11440300MB2C922610", new LicenseIssuance.Holder(
                LicenseType.HolderKind.ENTERPRISE, "深圳市南山海岸餐饮管理有限公司", "91440305MA5H2D8Q1B"),
                Map.of("premisesAddress", "深圳市南山区海德三道1号海岸城2楼", "mainBusiness", "餐饮服务经营者",
                        "businessItems", "热食类食品制售、冷食类食品制售", "safetyManager", "李娜"));
    }

    private void issue(String typeCode, String issuer, LicenseIssuance.Holder holder, Map<String, String> metadata) {
        if (library.validLicence(typeCode, holder.code()).isPresent()) {
            return;
        }
        try {
            tx.executeWithoutResult(s -> issuance.issue(types.require(typeCode), CreditCode.of(issuer), holder,
                    metadata, null, null, "DIRECT", "demo"));
            log.info("Demo licence {} issued to {}", typeCode, holder.name());
        } catch (BusinessException e) {
            log.warn("Demo licence {} not issued: {}", typeCode, e.getMessage());
        }
    }
}
