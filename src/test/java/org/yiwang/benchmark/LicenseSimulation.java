package org.yiwang.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Electronic licences under an open load, each phase with its own warm-up (reported as {@code warm-up-…}):
 * verification of a sealed licence file through the public API ({@code POST /api/v1/licenses/verify}: OFD parsed,
 * SES v4 seal signatures, certificates and the licence's registration and status checked), then direct issuance by
 * a reviewer of 福田区民政局 ({@code POST /api/v1/staff/licenses}: the OFD rendered, sealed with the department's
 * 电子证照专用章 and stored). The file verified is 王五's demo 结婚证, downloaded once by 王五 through the wallet API.
 */
public class LicenseSimulation extends Simulation {

    static final String BASE_URL = SearchSimulation.BASE_URL;
    static final int SECONDS = SearchSimulation.SECONDS;
    static final int WARM_UP_SECONDS = SearchSimulation.WARM_UP_SECONDS;
    static final double VERIFY_RATE = Double.parseDouble(System.getProperty("benchmark.verifyRate", "20"));
    static final double ISSUE_RATE = Double.parseDouble(System.getProperty("benchmark.issueRate", "10"));

    static final int TARGET_ISSUED_PER_SECOND = 100;
    /** Verification through the API against raw SM2 verification on one thread (Sm2Benchmark). */
    static final double TARGET_VERIFY_SHARE_OF_RAW_SM2 = 0.5;

    static final String MARRIAGE = "11100000000013186G001";
    static final String WANG_WU_MOBILE = "13700000003";
    static final String ISSUE = """
            {"typeCode":"%s","holderName":"王五","holderCode":"440306197802050033",\
            "fields":{"partnerName":"孙梅","partnerIdNumber":"440306198306060122"}}""".formatted(MARRIAGE);

    /** The file verified, kept for {@code OfdFileBenchmark}. */
    static final String FILE = "licence.ofd";

    static volatile byte[] licenceFile = new byte[0];
    static volatile String reviewerToken = "";

    static ChainBuilder verify(String name) {
        return exec(http(name).post("/api/v1/licenses/verify")
                .bodyPart(ByteArrayBodyPart("file", session -> licenceFile).fileName("licence.ofd")
                        .contentType("application/ofd"))
                .asMultipartForm()
                .check(status().is(200), jsonPath("$.verdict").is("VALID")));
    }

    static ChainBuilder issue(String name) {
        return exec(http(name).post("/api/v1/staff/licenses")
                .header("Authorization", session -> "Bearer " + reviewerToken)
                .body(StringBody(ISSUE)).asJson()
                .check(status().is(201), jsonPath("$.sealed").ofBoolean().is(true)));
    }

    {
        setUp(IdentitySimulation.phase("warm-up-verify", verify("warm-up-verify"), VERIFY_RATE, WARM_UP_SECONDS)
                .andThen(IdentitySimulation.phase("verify", verify("verify"), VERIFY_RATE, SECONDS)
                .andThen(IdentitySimulation.phase("warm-up-issue", issue("warm-up-issue"), ISSUE_RATE, WARM_UP_SECONDS)
                .andThen(IdentitySimulation.phase("issue", issue("issue"), ISSUE_RATE, SECONDS)))))
                .protocols(http.baseUrl(BASE_URL).acceptHeader("application/json").shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        SearchSimulation.awaitSearchIndex();
        BenchmarkLogins logins = new BenchmarkLogins(BASE_URL);
        reviewerToken = logins.staff("ft-reviewer", "Demo@12345", "3VWNBTBZVR6BRU4WIDQXY6ARA6BIDTJJ");
        String citizen = logins.citizen(WANG_WU_MOBILE, IdentitySimulation.PASSWORD);
        String identifier = null;
        for (JsonNode licence : JsonMapper.builder().build().readTree(logins.get("/api/v1/me/licenses", citizen))) {
            if (MARRIAGE.equals(licence.get("typeCode").asString())) {
                identifier = licence.get("identifier").asString();
            }
        }
        if (identifier == null) {
            throw new IllegalStateException("王五 has no demo 结婚证 to verify");
        }
        licenceFile = logins.get("/api/v1/me/licenses/" + identifier + "/file", citizen);
        System.out.println("Licence file verified: " + identifier + ", " + licenceFile.length + " bytes");
        try {
            Files.createDirectories(CaseSimulation.OUT);
            Files.write(CaseSimulation.OUT.resolve(FILE), licenceFile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
