package org.yiwang.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.RuleViolations;

/** 存量导入: all rows or none, existing identifiers and files kept, new ones issued and sealed. */
class LicenseImportTest extends LicenseTestBase {

    private static final String HEADER = "identifier,holderName,holderCode,issuedOn,validUntil,file,premisesAddress,"
            + "mainBusiness,businessItems,safetyManager\n";

    @Autowired
    LicenseImport imports;
    @Autowired
    LicenseDocuments documents;
    @Autowired
    LicenseTypes types;

    private static byte[] csv(String rows) {
        return (HEADER + rows).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rowsWithoutIdentifiersAreIssuedAndSealed() {
        var result = imports.importCsv(marketReviewer(), FOOD, csv("""
                ,深圳市福田明德贸易有限公司,91440300MA5G7H1P6T,2024-03-01,2029-02-28,,"深圳市福田区福华路1号",食品销售经营者,"预包装食品销售,散装食品销售",
                ,深圳市宝安振华精密制造有限公司,91440306MA5J9C4R1M,2024-05-01,,,深圳市宝安区,单位食堂,热食类食品制售,王五
                """), Map.of());

        assertThat(result.imported()).isEqualTo(2);
        IssuedLicense first = store.find(LicenseId.parse(result.identifiers().get(0))).orElseThrow();
        assertThat(first.source()).isEqualTo("IMPORT");
        assertThat(first.sealed()).isTrue();
        assertThat(first.metadata()).containsEntry("businessItems", "预包装食品销售,散装食品销售");
        assertThat(first.validUntil()).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(store.history(first.identifier())).extracting(LicenseStore.HistoryEntry::action)
                .containsExactly("IMPORT");
    }

    @Test
    void anExistingLicenceKeepsItsIdentifierAndFile() {
        int serial = 1_000 + (int) (System.nanoTime() % 100_000);
        LicenseId id = new LicenseId(FOOD, CreditCode.of(SHENZHEN_MARKET), "2019%07d".formatted(serial), 1);
        byte[] file = documents.render(types.require(FOOD), new LicenseContent(id, "食品经营许可证", "深圳市南山海岸餐饮管理有限公司",
                RESTAURANT, "深圳市市场监督管理局", LocalDate.of(2019, 6, 1), LocalDate.of(2024, 5, 31),
                Map.of("premisesAddress", "深圳市南山区", "mainBusiness", "餐饮服务经营者", "businessItems", "热食类食品制售")), null);

        imports.importCsv(marketReviewer(), FOOD, csv(id.value() + ",深圳市南山海岸餐饮管理有限公司," + RESTAURANT
                + ",2019-06-01,2024-05-31,old.ofd,深圳市南山区,餐饮服务经营者,热食类食品制售,\n"), Map.of("old.ofd", file));

        IssuedLicense imported = store.find(id).orElseThrow();
        assertThat(store.file(imported.id())).isEqualTo(file);
        assertThat(imported.sealed()).isFalse();
        assertThat(imported.status(LocalDate.now())).isEqualTo(LicenseStatus.EXPIRED);
        assertThat(jdbc.sql("SELECT last_value FROM license_serial WHERE type_code = ? AND issuer_code = ? AND year = 2019")
                .params(FOOD, SHENZHEN_MARKET).query(Integer.class).single()).isGreaterThanOrEqualTo(serial);
    }

    @Test
    void oneBadRowImportsNothingAndEveryProblemIsListed() {
        int before = jdbc.sql("SELECT count(*) FROM license WHERE holder_name = '导入测试有限公司'").query(Integer.class)
                .single();

        assertThatThrownBy(() -> imports.importCsv(marketReviewer(), FOOD, csv("""
                ,导入测试有限公司,91440300MA5G7H1P6T,2024-03-01,,,深圳市,食品销售经营者,预包装食品销售,
                ,导入测试有限公司,91440300MA5G7H1P6X,2024-03-01,,,深圳市,食品销售经营者,预包装食品销售,
                ,导入测试有限公司,91440300MA5G7H1P6T,2024-13-01,,,深圳市,食品销售经营者,,
                1.2.156.3005.2.11100000000013186G001.11440304007550312P.20260000001.001.X,导入测试有限公司,91440300MA5G7H1P6T,2024-03-01,,,深圳市,食品销售经营者,预包装食品销售,
                """), Map.of())).isInstanceOfSatisfying(RuleViolations.class, v -> {
                    assertThat(v.error()).isEqualTo(LicenseError.LICENSE_IMPORT_INVALID);
                    assertThat(v.violations()).extracting(RuleViolations.Violation::field)
                            .containsExactly("line.3", "line.4", "line.5");
                    assertThat(v.violations().get(0).args().get(1).toString()).contains("INVALID_CREDIT_CODE");
                });

        assertThat(jdbc.sql("SELECT count(*) FROM license WHERE holder_name = '导入测试有限公司'").query(Integer.class)
                .single()).isEqualTo(before);
    }

    @Test
    void aHeaderWithoutTheColumnsIsRefused() {
        assertThatThrownBy(() -> imports.importCsv(marketReviewer(), FOOD,
                "name,code\n".getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOfSatisfying(RuleViolations.class, v -> assertThat(v.violations().get(0).field())
                        .isEqualTo("line.1"));
    }
}
