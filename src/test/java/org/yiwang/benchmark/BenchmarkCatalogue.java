package org.yiwang.benchmark;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Benchmark node: fills the catalogue with generated published items, spread over the demo departments, in two
 * set-based inserts. Names combine a subject, an action and a qualifier from a vocabulary (社会保障卡 + 补领 +
 * （跨省通办）), as the implementation lists of many departments repeat the same items; the rest of each item's
 * content is copied from a demo item. Runs after the demo catalogue is loaded.
 */
@Component
@Profile("benchmark")
@Order(30)
class BenchmarkCatalogue implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkCatalogue.class);

    private static final String GENERATE = """
            create temporary table benchmark_item on commit drop as
            with subject(s, subject, keyword, theme, object) as (values
                (0, '社会保障卡', '社保卡', 'SOCIAL_SECURITY', 'NATURAL_PERSON'),
                (1, '营业执照', '执照', 'ESTABLISHMENT', 'ENTERPRISE'),
                (2, '居民身份证', '身份证', 'IDENTITY_DOCUMENTS', 'NATURAL_PERSON'),
                (3, '机动车驾驶证', '驾照', 'TRANSPORT', 'NATURAL_PERSON'),
                (4, '住房公积金', '公积金', 'HOUSING', 'NATURAL_PERSON'),
                (5, '普通护照', '护照', 'IDENTITY_DOCUMENTS', 'NATURAL_PERSON'),
                (6, '出生医学证明', '出生证', 'BIRTH', 'NATURAL_PERSON'),
                (7, '食品经营许可证', '食品许可', 'FOOD_AND_DRUGS', 'ENTERPRISE'),
                (8, '基本养老保险', '养老保险', 'ELDERLY', 'NATURAL_PERSON'),
                (9, '城乡居民医疗保险', '医保', 'MEDICAL', 'NATURAL_PERSON'),
                (10, '居住证', '居住证', 'RESIDENCE', 'NATURAL_PERSON'),
                (11, '结婚登记', '结婚证', 'MARRIAGE', 'NATURAL_PERSON'),
                (12, '户口', '落户', 'HOUSEHOLD', 'NATURAL_PERSON'),
                (13, '失业保险金', '失业金', 'EMPLOYMENT', 'NATURAL_PERSON'),
                (14, '建筑工程施工许可证', '施工许可', 'CONSTRUCTION', 'ENTERPRISE'),
                (15, '排污许可证', '排污证', 'ENVIRONMENT', 'ENTERPRISE'),
                (16, '药品经营许可证', '药店许可', 'FOOD_AND_DRUGS', 'ENTERPRISE'),
                (17, '道路运输经营许可证', '运输证', 'ENTERPRISE_TRANSPORT', 'ENTERPRISE'),
                (18, '劳务派遣经营许可证', '劳务派遣', 'HUMAN_RESOURCES', 'ENTERPRISE'),
                (19, '建筑业企业资质', '建筑资质', 'QUALIFICATIONS', 'ENTERPRISE'),
                (20, '增值税发票', '发票', 'TAX', 'ENTERPRISE'),
                (21, '公共场所卫生许可证', '卫生许可', 'HEALTH_AND_HYGIENE', 'ENTERPRISE'),
                (22, '特种设备使用登记证', '电梯登记', 'INSPECTION_ANNUAL', 'ENTERPRISE'),
                (23, '高龄津贴', '老人补贴', 'ELDERLY', 'NATURAL_PERSON'),
                (24, '最低生活保障', '低保', 'SOCIAL_ASSISTANCE', 'NATURAL_PERSON'),
                (25, '残疾人证', '残疾证', 'SOCIAL_ASSISTANCE', 'NATURAL_PERSON'),
                (26, '教师资格证', '教资', 'EDUCATION', 'NATURAL_PERSON'),
                (27, '不动产权证书', '房产证', 'HOUSING', 'NATURAL_PERSON'),
                (28, '企业注销', '公司注销', 'DEREGISTRATION', 'ENTERPRISE'),
                (29, '医疗机构执业许可证', '开诊所', 'HEALTH_AND_HYGIENE', 'ENTERPRISE'),
                (30, '火化证明', '殡葬', 'DEATH', 'NATURAL_PERSON'),
                (31, '人力资源服务许可证', '职业中介', 'HUMAN_RESOURCES', 'ENTERPRISE')),
            action(a, action) as (values
                (0, '申领'), (1, '补领'), (2, '换领'), (3, '变更'), (4, '注销'), (5, '核发'), (6, '延续'),
                (7, '备案'), (8, '登记'), (9, '查询'), (10, '提取'), (11, '认定'), (12, '转移接续'), (13, '信息修改')),
            qualifier(q, qualifier) as (values
                (0, ''), (1, '（首次申请）'), (2, '（跨省通办）'), (3, '（容缺受理）'), (4, '（告知承诺制）'),
                (5, '（港澳台居民）'), (6, '（外国人）'), (7, '（一件事一次办）')),
            department as (select credit_code, (row_number() over (order by credit_code)) - 1 as d from department),
            template as (
                select v.content, (row_number() over (order by i.code)) - 1 as t
                from catalog_item i join catalog_item_version v on v.code = i.code and v.version = i.public_version
                where i.status = 'PUBLISHED'),
            counts as (select (select count(*) from department) as departments, (select count(*) from template) as templates),
            generated as (
                select n, d.credit_code, d.credit_code || lpad(n::text, 13, '0') as code,
                       s.subject || a.action || q.qualifier as name, s.subject, s.keyword, a.action, s.theme,
                       s.object, 1 + (n / 3) % 7 as depth, t.content
                from generate_series(0, :count - 1) n
                cross join counts c
                join subject s on s.s = n % 32
                join action a on a.a = (n / 32) % 14
                join qualifier q on q.q = (n / 448) % 8
                join department d on d.d = n % c.departments
                join template t on t.t = n % c.templates)
            select code, credit_code,
                   t.content || jsonb_build_object(
                       'name', name, 'implementationCode', code, 'departmentCode', credit_code,
                       'keywords', jsonb_build_array(subject, keyword, keyword || action),
                       'themes', jsonb_build_array(theme), 'serviceObjects', jsonb_build_array(object),
                       'onlineDepth', (array['CONSULTATION', 'ONLINE_MATERIALS', 'ONLINE_PRE_REVIEW',
                           'ONLINE_ACCEPTANCE', 'ONLINE_HANDLING', 'ONLINE_RESULT', 'ELECTRONIC_LICENCE'])[depth]) as content
            from generated t
            """;

    private final JdbcClient jdbc;
    private final int count;

    BenchmarkCatalogue(JdbcClient jdbc, @Value("${yiwang.benchmark.items:100000}") int count) {
        this.jdbc = jdbc;
        this.count = count;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        jdbc.sql(GENERATE).param("count", count).update();
        jdbc.sql("""
                insert into catalog_item (code, department_code, status, latest_version, public_version, revision,
                                          created_at, created_by, updated_at, updated_by)
                select code, credit_code, 'PUBLISHED', 1, 1, 1, now(), 'benchmark', now(), 'benchmark'
                from benchmark_item""").update();
        int inserted = jdbc.sql("""
                insert into catalog_item_version (code, version, content, created_at, created_by, published_at,
                                                  published_by)
                select code, 1, content, now(), 'benchmark', now(), 'benchmark' from benchmark_item""").update();
        log.info("Benchmark catalogue: {} published items generated in {} ms", inserted,
                (System.nanoTime() - started) / 1_000_000);
    }
}
