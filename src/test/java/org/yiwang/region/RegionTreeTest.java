package org.yiwang.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yiwang.IntegrationTest;
import org.yiwang.shared.DivisionCode;
import org.yiwang.shared.DivisionLevel;

@IntegrationTest
class RegionTreeTest {

    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void loadsEveryDivisionOfTheFiles() {
        Map<String, Integer> byLevel = jdbc.sql("select level, count(*) as n from region group by level")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // Line counts of provinces.csv, cities.csv, areas.csv and streets.csv without their header.
        assertThat(byLevel).containsExactlyInAnyOrderEntriesOf(
                Map.of("PROVINCE", 31, "CITY", 342, "COUNTY", 2978, "TOWNSHIP", 41352));
        assertThat(regions.provinces()).hasSize(31).first().extracting(Region::name).isEqualTo("北京市");
    }

    @Test
    void everyParentExistsAndIsTheCodePrefix() {
        assertThat(jdbc.sql("""
                select count(*) from region r left join region p on p.code = r.parent_code
                where r.parent_code is not null and (p.code is null or r.code not like p.code || '%')""")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void marksStatisticalUnitsByCode() {
        assertThat(statistical("130171")).as("石家庄高新技术产业开发区").isTrue();
        assertThat(statistical("140971")).as("五台山风景名胜区").isTrue();
        assertThat(statistical("110115405")).as("大兴经济开发区").isTrue();
        assertThat(statistical("440304400")).as("福田保税区").isTrue();
        assertThat(statistical("310115")).as("浦东新区").isFalse();
        assertThat(statistical("120116")).as("滨海新区").isFalse();
        assertThat(statistical("130706")).as("下花园区").isFalse();
        assertThat(statistical("440981")).as("高州市").isFalse();
        assertThat(statistical("440304001")).as("南园街道").isFalse();
        assertThat(jdbc.sql("select count(*) from region where statistical_only").query(Integer.class).single())
                .isEqualTo(124 + 2128 + 582);
    }

    @Test
    void childrenOfFutianAreItsStreetsInCodeOrder() {
        var children = regions.children(new DivisionCode("440304"));
        assertThat(children).hasSize(11)
                .allSatisfy(r -> {
                    assertThat(r.level()).isEqualTo(DivisionLevel.TOWNSHIP);
                    assertThat(r.parent()).isEqualTo(new DivisionCode("440304"));
                })
                .extracting(r -> r.code().value()).isSorted();
        assertThat(children.get(0).name()).isEqualTo("南园街道");
        assertThat(children).extracting(Region::name).contains("香蜜湖街道", "华强北街道");
        assertThat(regions.children(new DivisionCode("440304001"))).isEmpty();
        assertThat(regions.children(new DivisionCode("449999"))).isEmpty();
    }

    @Test
    void pathRunsFromTheProvinceDown() {
        assertThat(regions.path(new DivisionCode("440304006")))
                .extracting(r -> r.code().value(), Region::name, Region::level)
                .containsExactly(
                        tuple("44", "广东省", DivisionLevel.PROVINCE),
                        tuple("4403", "深圳市", DivisionLevel.CITY),
                        tuple("440304", "福田区", DivisionLevel.COUNTY),
                        tuple("440304006", "香蜜湖街道", DivisionLevel.TOWNSHIP));
        assertThat(regions.path(new DivisionCode("11"))).extracting(Region::name).containsExactly("北京市");
        assertThat(regions.path(new DivisionCode("449999"))).isEmpty();
    }

    @Test
    void findsAndLooksUpTheLongFormOfProvincesAndCities() {
        assertThat(regions.find(new DivisionCode("440304"))).get().extracting(Region::name).isEqualTo("福田区");
        assertThat(regions.find(new DivisionCode("440300"))).isEmpty();
        assertThat(regions.lookup(new DivisionCode("440300"))).get().extracting(Region::name).isEqualTo("深圳市");
        assertThat(regions.lookup(new DivisionCode("440000"))).get().extracting(Region::name).isEqualTo("广东省");
        assertThat(regions.lookup(new DivisionCode("441900"))).get().extracting(Region::level)
                .isEqualTo(DivisionLevel.COUNTY);
        assertThat(regions.lookup(new DivisionCode("449900"))).isEmpty();
    }

    @Test
    void loadsOnlyIntoAnEmptyTable() throws Exception {
        int before = jdbc.sql("select count(*) from region").query(Integer.class).single();
        try (Connection c = dataSource.getConnection()) {
            new RegionDivisionsMigration().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Connection getConnection() {
                    return c;
                }
            });
        }
        assertThat(jdbc.sql("select count(*) from region").query(Integer.class).single()).isEqualTo(before);
    }

    private boolean statistical(String code) {
        return regions.find(new DivisionCode(code)).orElseThrow().statisticalOnly();
    }
}
