package org.yiwang.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiwang.catalog.search.SearchFixtures.creditCode;
import static org.yiwang.catalog.search.SearchFixtures.department;
import static org.yiwang.catalog.search.SearchFixtures.item;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yiwang.catalog.Audience;
import org.yiwang.catalog.OnlineDepth;
import org.yiwang.catalog.PublishedItem;
import org.yiwang.catalog.SearchHit;
import org.yiwang.catalog.SearchQuery;
import org.yiwang.catalog.SearchResult;
import org.yiwang.catalog.ServiceObject;
import org.yiwang.catalog.Theme;
import org.yiwang.department.Department;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

class ItemIndexTest {

    static final CreditCode SZ_HRSS = creditCode("440300", "00000001");
    static final CreditCode FUTIAN_MARKET = creditCode("440304", "00000002");
    static final CreditCode GZ_MARKET = creditCode("440100", "00000003");
    static final CreditCode NANSHAN_POLICE = creditCode("440305", "00000004");

    static final Map<CreditCode, Department> DEPARTMENTS = Map.of(
            SZ_HRSS, department(SZ_HRSS, "深圳市人力资源和社会保障局", "4403"),
            FUTIAN_MARKET, department(FUTIAN_MARKET, "深圳市福田区市场监督管理局", "440304"),
            GZ_MARKET, department(GZ_MARKET, "广州市市场监督管理局", "4401"),
            NANSHAN_POLICE, department(NANSHAN_POLICE, "深圳市公安局南山分局", "440305"));

    static final Set<ServiceObject> PERSON = Set.of(ServiceObject.NATURAL_PERSON);
    static final Set<ServiceObject> ENTERPRISE = Set.of(ServiceObject.ENTERPRISE);

    static final List<PublishedItem> ITEMS = List.of(
            item("CARD-APPLY", "社会保障卡申领", SZ_HRSS, List.of("社保卡", "社会保障卡", "办卡"),
                    List.of("居民身份证", "近期免冠照片"), PERSON, Set.of(Theme.SOCIAL_SECURITY), OnlineDepth.ONLINE_HANDLING),
            item("CARD-LOSS", "社会保障卡挂失", SZ_HRSS, List.of("社保卡挂失"), List.of("居民身份证"), PERSON,
                    Set.of(Theme.SOCIAL_SECURITY), OnlineDepth.ONLINE_ACCEPTANCE),
            item("LICENCE", "个体工商户营业执照核发", FUTIAN_MARKET, List.of("营业执照", "个体户"),
                    List.of("经营者身份证明", "经营场所证明"), ENTERPRISE, Set.of(Theme.ESTABLISHMENT),
                    OnlineDepth.ONLINE_RESULT),
            item("FOOD", "食品经营许可证核发", GZ_MARKET, List.of("食品许可"), List.of("营业执照复印件", "食品安全管理制度"),
                    ENTERPRISE, Set.of(Theme.FOOD_AND_DRUGS), OnlineDepth.ONLINE_ACCEPTANCE),
            item("UNEMPLOYMENT", "失业保险金申领", SZ_HRSS, List.of("失业金"), List.of("居民身份证"), PERSON,
                    Set.of(Theme.EMPLOYMENT), OnlineDepth.ONLINE_HANDLING),
            item("ID-CARD", "居民身份证换领", NANSHAN_POLICE, List.of("身份证", "换证"), List.of("原居民身份证"), PERSON,
                    Set.of(Theme.IDENTITY_DOCUMENTS), OnlineDepth.ONLINE_PRE_REVIEW),
            item("MEDICAL", "城乡居民医疗保险参保登记", SZ_HRSS, List.of("医保", "社保"), List.of("户口簿"), PERSON,
                    Set.of(Theme.MEDICAL, Theme.SOCIAL_SECURITY), OnlineDepth.ONLINE_ACCEPTANCE),
            item("EMPLOYER", "企业职工社会保险登记", SZ_HRSS, List.of("社保登记", "单位参保"), List.of("营业执照"), ENTERPRISE,
                    Set.of(Theme.HUMAN_RESOURCES), OnlineDepth.ONLINE_HANDLING));

    ItemIndex index;

    @BeforeEach
    void fill() {
        index = new ItemIndex();
        ITEMS.forEach(i -> index.put(i, DEPARTMENTS.get(CreditCode.of(i.content().departmentCode()))));
        index.refresh();
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    List<String> codes(SearchQuery q) {
        return index.search(q).hits().stream().map(SearchHit::code).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"社保卡", "社会保障卡", "社会保障卡申领", "shebaoka", "sbk", "shehuibaozhangka", "SheBao Ka"})
    void socialSecurityCardApplicationRanksFirst(String text) {
        assertThat(codes(SearchQuery.of(text))).first().isEqualTo("CARD-APPLY");
    }

    @Test
    void chineseWordsFindEveryItemContainingThemAndNothingElse() {
        assertThat(codes(SearchQuery.of("社会保障卡"))).containsExactlyInAnyOrder("CARD-APPLY", "CARD-LOSS");
        assertThat(codes(SearchQuery.of("失业金"))).containsExactly("UNEMPLOYMENT");
    }

    @Test
    void aNameMatchRanksAboveAMaterialMatch() {
        assertThat(codes(SearchQuery.of("营业执照"))).startsWith("LICENCE").contains("FOOD", "EMPLOYER");
    }

    @Test
    void pinyinOfKeywordsAndInitialsOfNames() {
        assertThat(codes(SearchQuery.of("shenfenzheng"))).first().isEqualTo("ID-CARD");
        assertThat(codes(SearchQuery.of("yyzz"))).first().isEqualTo("LICENCE");
        assertThat(codes(SearchQuery.of("shiyebaoxianjin"))).containsExactly("UNEMPLOYMENT");
        assertThat(codes(SearchQuery.of("xyz"))).isEmpty();
        assertThat(codes(SearchQuery.of("sheb"))).contains("CARD-APPLY", "CARD-LOSS", "MEDICAL", "EMPLOYER");
    }

    @Test
    void departmentNamesAreSearchable() {
        assertThat(codes(SearchQuery.of("公安局"))).containsExactly("ID-CARD");
    }

    @Test
    void filtersByAudienceThemeDepartmentAndDepth() {
        assertThat(codes(SearchQuery.of("营业执照").withAudience(Audience.PERSON))).isEmpty();
        assertThat(codes(SearchQuery.of("营业执照").withAudience(Audience.ENTERPRISE)))
                .containsExactlyInAnyOrder("LICENCE", "FOOD", "EMPLOYER");
        assertThat(codes(SearchQuery.of(null).withTheme(Theme.SOCIAL_SECURITY)))
                .containsExactlyInAnyOrder("CARD-APPLY", "CARD-LOSS", "MEDICAL");
        assertThat(codes(SearchQuery.of(null).withDepartment(NANSHAN_POLICE))).containsExactly("ID-CARD");
        assertThat(codes(SearchQuery.of(null).withMinDepth(OnlineDepth.ONLINE_HANDLING)))
                .containsExactlyInAnyOrder("CARD-APPLY", "LICENCE", "UNEMPLOYMENT", "EMPLOYER");
    }

    @Test
    void aRegionIncludesTheRegionsInsideIt() {
        assertThat(codes(SearchQuery.of(null).withRegion(DivisionCode.of("4403")).withPage(0, 100)))
                .hasSize(7).doesNotContain("FOOD");
        assertThat(codes(SearchQuery.of(null).withRegion(DivisionCode.of("440304")))).containsExactly("LICENCE");
        assertThat(codes(SearchQuery.of(null).withRegion(DivisionCode.of("44")).withPage(0, 100))).hasSize(8);
        assertThat(codes(SearchQuery.of(null).withRegion(DivisionCode.of("11")))).isEmpty();
    }

    @Test
    void browsingPagesThroughEveryItemOrderedByPinyinOfTheName() {
        List<String> all = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            SearchResult result = index.search(SearchQuery.of(null).withPage(page, 3));
            assertThat(result.total()).isEqualTo(8);
            assertThat(result.totalPages()).isEqualTo(3);
            assertThat(result.hits()).hasSize(page < 2 ? 3 : 2);
            result.hits().forEach(h -> all.add(h.name()));
        }
        // chengxiang…, geti…, jumin…, qiye…, shehui…(挂失 guashi < 申领 shenling), shipin…, shiye…
        assertThat(all).containsExactly("城乡居民医疗保险参保登记", "个体工商户营业执照核发", "居民身份证换领", "企业职工社会保险登记",
                "社会保障卡挂失", "社会保障卡申领", "食品经营许可证核发", "失业保险金申领");
        assertThat(index.search(SearchQuery.of(null).withPage(3, 3)).hits()).isEmpty();
    }

    @Test
    void pagingATextSearch() {
        SearchResult first = index.search(SearchQuery.of("营业执照").withPage(0, 2));
        SearchResult second = index.search(SearchQuery.of("营业执照").withPage(1, 2));
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.hits()).hasSize(2);
        assertThat(second.hits()).hasSize(1);
        assertThat(second.hits().get(0).code()).isNotIn(first.hits().stream().map(SearchHit::code).toList());
    }

    @Test
    void hitsCarryTheListDataAndHighlightTheName() {
        SearchHit hit = index.search(SearchQuery.of("营业执照")).hits().get(0);
        assertThat(hit.highlightedName()).isEqualTo("个体工商户<em>营业执照</em>核发");
        assertThat(hit.departmentCode()).isEqualTo(FUTIAN_MARKET.value());
        assertThat(hit.departmentName()).isEqualTo("深圳市福田区市场监督管理局");
        assertThat(hit.audiences()).containsExactly(Audience.ENTERPRISE);
        assertThat(hit.themes()).containsExactly(Theme.ESTABLISHMENT);
        assertThat(hit.onlineDepth()).isEqualTo(OnlineDepth.ONLINE_RESULT);
        assertThat(hit.promisedLimit()).isEqualTo("5个工作日");
        assertThat(hit.onSiteVisits()).isZero();
    }

    @Test
    void facetsCountAllMatchesPerAudienceAndTheme() {
        SearchResult.Facets facets = index.search(SearchQuery.of("社保").withPage(0, 1).withFacets()).facets();
        SearchResult browse = index.search(SearchQuery.of(null).withFacets());
        assertThat(browse.facets().audiences()).containsExactlyInAnyOrderEntriesOf(
                Map.of(Audience.PERSON, 5L, Audience.ENTERPRISE, 3L));
        assertThat(browse.facets().themes()).containsEntry(Theme.SOCIAL_SECURITY, 3L).containsEntry(Theme.MEDICAL, 1L);
        assertThat(facets).isNotNull();
        assertThat(index.search(SearchQuery.of("社保")).facets()).isNull();
    }

    @Test
    void replacingAndRemovingItems() {
        assertThat(codes(SearchQuery.of("补卡"))).isEmpty();
        PublishedItem renamed = item("CARD-LOSS", "社会保障卡挂失与补领", SZ_HRSS, List.of("补卡"), List.of(), PERSON,
                Set.of(Theme.SOCIAL_SECURITY), OnlineDepth.ONLINE_HANDLING);
        index.put(renamed, DEPARTMENTS.get(SZ_HRSS));
        index.remove("CARD-APPLY");
        index.refresh();
        assertThat(codes(SearchQuery.of("补卡"))).containsExactly("CARD-LOSS");
        assertThat(codes(SearchQuery.of("居民身份证"))).doesNotContain("CARD-LOSS");
        assertThat(codes(SearchQuery.of("shebaoka"))).isEmpty();
        assertThat(index.size()).isEqualTo(7);
        assertThat(index.search(SearchQuery.of(null)).total()).isEqualTo(7);
    }
}
