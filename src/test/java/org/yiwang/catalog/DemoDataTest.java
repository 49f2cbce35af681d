package org.yiwang.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.department.Department;
import org.yiwang.department.Department.DepartmentLevel;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;
import tools.jackson.core.JsonParser;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The demo node's departments ({@code demo/departments.json}) and service items ({@code demo/items/*.json}). */
class DemoDataTest {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .addModule(new SimpleModule()
                    .addDeserializer(CreditCode.class, fromString(CreditCode::of))
                    .addDeserializer(DivisionCode.class, fromString(DivisionCode::of)))
            .build();

    /** 福田区、南山区 民政局 and 卫生健康局. */
    private static final Set<String> DISTRICT = Set.of("11440304007550312P", "1144030500755089XE",
            "11440304MB2C94806K", "11440305MB2C95024P");
    private static final String MARKET_REGULATION = "11440300MB2C922610";

    private static List<Department> departments;
    private static Map<String, Department> departmentsByCode;
    private static List<ItemContent> items;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        try (InputStream in = DemoDataTest.class.getResourceAsStream("/demo/departments.json")) {
            departments = MAPPER.readValue(in, new TypeReference<List<Department>>() {});
        }
        departmentsByCode = departments.stream()
                .collect(Collectors.toMap(d -> d.creditCode().value(), Function.identity()));
        Path dir = Path.of(DemoDataTest.class.getResource("/demo/items").toURI());
        items = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                items.addAll(MAPPER.readValue(file.toFile(), new TypeReference<List<ItemContent>>() {}));
            }
        }
    }

    private static <T> ValueDeserializer<T> fromString(Function<String, T> factory) {
        return new ValueDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) {
                return factory.apply(p.getValueAsString());
            }
        };
    }

    @Test
    void departmentsCoverNationalProvincialCityDistrictAndStreetLevels() {
        assertThat(departmentsByCode).as("credit codes are unique").hasSameSizeAs(departments);
        Map<DepartmentLevel, Long> perLevel = departments.stream()
                .collect(Collectors.groupingBy(Department::level, Collectors.counting()));
        assertThat(perLevel.get(DepartmentLevel.NATIONAL)).isGreaterThanOrEqualTo(4);
        assertThat(perLevel.get(DepartmentLevel.PROVINCE)).isGreaterThanOrEqualTo(1);
        assertThat(perLevel.get(DepartmentLevel.CITY)).isGreaterThanOrEqualTo(10);
        assertThat(perLevel.get(DepartmentLevel.COUNTY)).isGreaterThanOrEqualTo(2);
        assertThat(perLevel.get(DepartmentLevel.TOWNSHIP)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void departmentsHaveValidCodesMatchingTheirRegion() {
        for (Department d : departments) {
            String code = d.creditCode().value();
            assertThat(CreditCode.isValid(code)).as(d.name()).isTrue();
            assertThat(code).as("%s is a government organ", d.name()).startsWith("11");
            String region = d.regionCode().value();
            if (d.level() == DepartmentLevel.NATIONAL) {
                assertThat(region).as(d.name()).isEqualTo("11");
                assertThat(d.creditCode().divisionPart()).as(d.name()).isIn("100000", "000000");
                continue;
            }
            assertThat(d.regionCode().level().name()).as(d.name()).isEqualTo(d.level().name());
            String division = region.length() > 6 ? region.substring(0, 6) : (region + "0000").substring(0, 6);
            assertThat(d.creditCode().divisionPart()).as(d.name()).isEqualTo(division);
            assertThat(region).as(d.name()).startsWith("44");
            assertThat(d.name()).isNotBlank();
            assertThat(d.shortName()).isNotBlank();
            assertThat(d.address()).isNotBlank();
            assertThat(d.phone()).isNotBlank();
            assertThat(d.officeHours()).isNotBlank();
        }
    }

    @Test
    void itemsCoverPersonsEnterprisesNationalItemsAndCityDepartments() {
        assertThat(items).hasSizeGreaterThanOrEqualTo(44);
        assertThat(items.stream().filter(i -> i.audiences().contains(Audience.PERSON))).hasSizeGreaterThanOrEqualTo(22);
        assertThat(items.stream().filter(i -> i.audiences().contains(Audience.ENTERPRISE)))
                .hasSizeGreaterThanOrEqualTo(22);
        assertThat(items.stream().filter(i -> i.exerciseLevel() == ExerciseLevel.NATIONAL))
                .hasSizeGreaterThanOrEqualTo(4);
        Set<String> cityDepartments = items.stream()
                .map(i -> departmentsByCode.get(i.departmentCode()))
                .filter(d -> d != null && d.level() == DepartmentLevel.CITY)
                .map(d -> d.creditCode().value())
                .collect(Collectors.toSet());
        assertThat(cityDepartments).hasSizeGreaterThanOrEqualTo(8);
        assertThat(items.stream().filter(i -> !i.situations().isEmpty())).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void codesAreWellFormedAndUnique() {
        Set<String> basicCodes = new HashSet<>();
        Set<String> implementationCodes = new HashSet<>();
        for (ItemContent item : items) {
            Department department = departmentsByCode.get(item.departmentCode());
            assertThat(department).as("department of %s", item.name()).isNotNull();
            assertThat(item.basicCode()).as(item.name()).matches("\\d{12}").startsWith(item.type().code()).endsWith("00");
            assertThat(item.implementationCode()).as(item.name())
                    .hasSize(31)
                    .startsWith(item.departmentCode())
                    .isEqualTo(item.departmentCode() + item.basicCode() + "0");
            assertThat(basicCodes.add(item.basicCode())).as("unique basic code %s", item.basicCode()).isTrue();
            assertThat(implementationCodes.add(item.implementationCode()))
                    .as("unique implementation code %s", item.implementationCode()).isTrue();
            if (item.exerciseLevel() == ExerciseLevel.NATIONAL) {
                assertThat(department.level()).as(item.name()).isEqualTo(DepartmentLevel.NATIONAL);
            }
        }
    }

    @Test
    void timeLimitsVisitsAndFeesAreConsistent() {
        for (ItemContent item : items) {
            assertThat(item.promisedLimit().exceeds(item.statutoryLimit()))
                    .as("%s: promised %s within statutory %s", item.name(), item.promisedLimit().label(),
                            item.statutoryLimit().label())
                    .isFalse();
            assertThat(item.promisedLimit().unit()).as(item.name()).isEqualTo(TimeUnit.WORKING_DAY);
            if (item.caseType() == CaseType.IMMEDIATE) {
                assertThat(item.promisedLimit().value()).as(item.name()).isLessThanOrEqualTo(1);
            }
            assertThat(item.onSiteVisits()).as(item.name()).isBetween(0, 2);
            if (item.onSiteVisits() > 0) {
                assertThat(item.onSiteVisitReason()).as("visit reason of %s", item.name()).isNotBlank();
            }
            assertThat(item.chargeable()).as(item.name()).isEqualTo(!item.fees().isEmpty());
            item.fees().forEach(fee -> assertThat(List.of(fee.name(), fee.standard(), fee.basis()))
                    .as(item.name()).allSatisfy(s -> assertThat(s).isNotBlank()));
        }
    }

    @Test
    void materialsAndSituationsAreConsistent() {
        for (ItemContent item : items) {
            assertThat(item.materials().isEmpty()).as("%s: materials or noMaterials", item.name())
                    .isEqualTo(item.noMaterials());
            Set<String> keys = item.materials().stream().map(Material::key).collect(Collectors.toSet());
            assertThat(keys).as("unique material keys of %s", item.name()).hasSameSizeAs(item.materials());
            assertThat(keys).allMatch(k -> k.matches("m\\d+"));
            Set<String> added = new HashSet<>();
            for (Situation situation : item.situations()) {
                assertThat(situation.answers()).as(situation.question()).hasSizeGreaterThanOrEqualTo(2);
                for (Situation.Answer answer : situation.answers()) {
                    assertThat(keys).as("%s / %s", item.name(), answer.label())
                            .containsAll(answer.addsMaterials())
                            .containsAll(answer.removesMaterials());
                    added.addAll(answer.addsMaterials());
                }
            }
            for (Material material : item.materials()) {
                assertThat(material.name()).isNotBlank();
                assertThat(material.copies()).isPositive();
                assertThat(material.blankFormFileId()).isNull();
                assertThat(material.sampleFileId()).isNull();
                if (material.conditional()) {
                    assertThat(added).as("%s: a situation adds conditional %s", item.name(), material.name())
                            .contains(material.key());
                }
                if (material.licenceTypeCode() != null) {
                    assertThat(material.licenceTypeCode()).hasSize(21).matches(".{18}\\d{3}");
                    assertThat(CreditCode.isValid(material.licenceTypeCode().substring(0, 18)))
                            .as("licence type code %s", material.licenceTypeCode()).isTrue();
                }
            }
        }
    }

    @Test
    void guidesAreCompleteAndThemesMatchTheAudience() {
        for (ItemContent item : items) {
            assertThat(List.of(item.name(), item.legalBasis(), item.acceptanceConditions(), item.handlingProcess(),
                    item.address(), item.officeHours(), item.consultationPhone(), item.supervisionChannel()))
                    .as(item.name()).allSatisfy(s -> assertThat(s).isNotBlank());
            assertThat(item.legalBasis()).as(item.name()).contains("《");
            assertThat(item.serviceObjects()).as(item.name()).isNotEmpty();
            assertThat(item.handlingForms()).as(item.name()).isNotEmpty();
            assertThat(item.themes()).as(item.name()).isNotEmpty()
                    .allSatisfy(theme -> assertThat(item.audiences()).contains(theme.audience()));
            assertThat(item.keywords()).as(item.name()).isNotEmpty();
            assertThat(item.faqs()).as(item.name()).hasSizeBetween(2, 3);
        }
    }

    @Test
    void everyItemFollowsTheRulesForPublishing() {
        ItemRules rules = new ItemRules(code -> departmentsByCode.containsKey(code.value()), id -> false);
        for (ItemContent item : items) {
            assertThat(rules.check(item, true)).as(item.name()).isEmpty();
        }
    }

    @Test
    void districtAndCityMarketRegulationItemsHaveApplicationForms() {
        List<ItemContent> district = items.stream().filter(i -> DISTRICT.contains(i.departmentCode())).toList();
        assertThat(district).hasSizeGreaterThanOrEqualTo(4);
        List<ItemContent> withForms = items.stream()
                .filter(i -> DISTRICT.contains(i.departmentCode()) || i.departmentCode().equals(MARKET_REGULATION))
                .toList();
        for (ItemContent item : withForms) {
            List<FormField> fields = item.applicationForm().fields();
            assertThat(fields).as("prefilled fields of %s", item.name()).anyMatch(f -> f.prefill() != null);
            assertThat(fields.stream().filter(f -> f.prefill() == null)).as("own fields of %s", item.name())
                    .hasSizeBetween(2, 6);
        }
        assertThat(district).as("a district item whose situations change the materials")
                .anyMatch(i -> i.situations().stream().flatMap(s -> s.answers().stream())
                        .anyMatch(a -> !a.addsMaterials().isEmpty() || !a.removesMaterials().isEmpty()));
        assertThat(district).as("an immediate district item (即办件)")
                .anyMatch(i -> i.caseType() == CaseType.IMMEDIATE && i.promisedLimit().value() == 0);
        assertThat(district).as("a district item with a material an electronic licence replaces")
                .anyMatch(i -> i.materials().stream().anyMatch(m -> m.licenceTypeCode() != null));
    }

    @Test
    void preReviewedItemsAreAppliedForOnline() {
        List<ItemContent> preReviewed = items.stream().filter(ItemContent::preReview).toList();
        assertThat(preReviewed).hasSizeBetween(1, 3);
        for (ItemContent item : preReviewed) {
            assertThat(item.onlineDepth().level()).as(item.name())
                    .isGreaterThanOrEqualTo(OnlineDepth.ONLINE_PRE_REVIEW.level());
            assertThat(item.handlingForms()).as(item.name()).containsAnyOf(HandlingForm.ONLINE_PC,
                    HandlingForm.ONLINE_MOBILE);
            assertThat(item.applicationForm().fields()).as(item.name()).isNotEmpty();
        }
    }

    @Test
    void commonSearchTermsReachTheirItems() {
        assertThat(keywordsOf("社会保障卡申领")).contains("社保卡");
        assertThat(keywordsOf("居民身份证换领")).contains("身份证");
        assertThat(keywordsOf("机动车驾驶证换证（有效期满换证）")).contains("驾照");
    }

    private static List<String> keywordsOf(String name) {
        return items.stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().keywords();
    }
}
