package org.yiwang.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.yiwang.IntegrationTest;
import org.yiwang.identity.StaffLogin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class CalendarHttpTest {


    private static final String SCHEDULE_2019 = """
            {"year": 2019, "papers": ["http://www.gov.cn/zhengce/content/2018-12/06/content_5346276.htm"],
             "days": [
               {"name": "国庆节", "date": "2019-09-29", "isOffDay": false},
               {"name": "国庆节", "date": "2019-10-01", "isOffDay": true},
               {"name": "国庆节", "date": "2019-10-02", "isOffDay": true},
               {"name": "国庆节", "date": "2019-10-03", "isOffDay": true},
               {"name": "国庆节", "date": "2019-10-04", "isOffDay": true},
               {"name": "国庆节", "date": "2019-10-07", "isOffDay": true},
               {"name": "国庆节", "date": "2019-10-12", "isOffDay": false}
             ]}""";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper json;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    CalendarHealthIndicator health;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void addsWorkingDays() throws Exception {
        HttpResponse<String> r = get("/api/v1/calendar/add-working-days?from=2025-09-26&days=5");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json.readTree(r.body())).isEqualTo(json.readTree("{\"date\":\"2025-10-10\"}"));
    }

    @Test
    void countsWorkingDaysBetween() throws Exception {
        HttpResponse<String> r = get("/api/v1/calendar/working-days-between?from=2023-12-31&to=2024-12-31");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json.readTree(r.body())).isEqualTo(json.readTree("{\"workingDays\":251}"));
    }

    @Test
    void describesADay() throws Exception {
        JsonNode holiday = json.readTree(get("/api/v1/calendar/days/2024-10-01").body());
        assertThat(holiday.get("date").asString()).isEqualTo("2024-10-01");
        assertThat(holiday.get("workingDay").asBoolean()).isFalse();
        assertThat(holiday.get("holiday").asString()).isEqualTo("国庆节");

        JsonNode makeUp = json.readTree(get("/api/v1/calendar/days/2024-10-12").body());
        assertThat(makeUp.get("workingDay").asBoolean()).isTrue();
        assertThat(makeUp.get("holiday").isNull()).isTrue();
        assertThat(makeUp.get("makeUpFor").asString()).isEqualTo("国庆节");
    }

    @Test
    void listsLoadedYears() throws Exception {
        JsonNode years = json.readTree(get("/api/v1/calendar/years").body()).get("years");
        assertThat(years.valueStream().map(JsonNode::asInt)).contains(2020, 2021, 2022, 2023, 2024, 2025, 2026);
    }

    @Test
    void badInputGetsProblemDetails() throws Exception {
        assertProblem(get("/api/v1/calendar/add-working-days?from=2025-13-01&days=5"), 400, "INVALID_PARAMETER", "from");
        assertProblem(get("/api/v1/calendar/add-working-days?from=2025-09-26"), 400, "INVALID_PARAMETER", "days");
        assertProblem(get("/api/v1/calendar/add-working-days?from=2025-09-26&days=five"), 400, "INVALID_PARAMETER", "days");
        assertProblem(get("/api/v1/calendar/add-working-days?from=2025-09-26&days=-1"), 400, "CALENDAR_NEGATIVE_DAYS", "负数");
        assertProblem(get("/api/v1/calendar/working-days-between?from=2025-09-26&to=2025-09-01"), 400,
                "CALENDAR_RANGE_REVERSED", "早于");
        assertProblem(get("/api/v1/calendar/working-days-between?from=2025-09-26"), 400, "INVALID_PARAMETER", "to");
        assertProblem(get("/api/v1/calendar/days/26-09-2025"), 400, "INVALID_PARAMETER", "date");
        assertProblem(get("/api/v1/calendar/days/2027-01-04"), 422, "CALENDAR_YEAR_NOT_LOADED", "2027年");
        assertProblem(get("/api/v1/calendar/add-working-days?from=2026-12-28&days=10"), 422,
                "CALENDAR_YEAR_NOT_LOADED", "2027年");
    }

    @Test
    void platformAdministratorLoadsAYearAndBadSchedulesChangeNothing() throws Exception {
        assertThat(put("/api/v1/admin/calendar/years/2019", SCHEDULE_2019, null).statusCode()).isEqualTo(401);
        StaffLogin.Session notLoggedIn = new StaffLogin.Session(port, "nobody", "YIWANG_SESSION=bm90LWEtc2Vzc2lvbg",
                "not-a-token");
        assertThat(put("/api/v1/admin/calendar/years/2019", SCHEDULE_2019, notLoggedIn).statusCode()).isEqualTo(401);

        StaffLogin.Session admin = StaffLogin.session(context, port, "admin");
        HttpResponse<String> loaded = put("/api/v1/admin/calendar/years/2019", SCHEDULE_2019, admin);
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
        JsonNode year = json.readTree(loaded.body());
        assertThat(year.get("year").asInt()).isEqualTo(2019);
        assertThat(year.get("loadedBy").asString()).isEqualTo(admin.username());
        assertThat(year.get("offDays").asInt()).isEqualTo(5);
        assertThat(year.get("makeUpWorkingDays").asInt()).isEqualTo(2);
        assertThat(calendar.loadedYears()).contains(2019);
        assertThat(calendar.addWorkingDays(LocalDate.parse("2019-09-27"), 3)).isEqualTo("2019-10-08");

        // Replacing a year drops the days the earlier schedule listed.
        String withoutMakeUp = SCHEDULE_2019.replace("{\"name\": \"国庆节\", \"date\": \"2019-09-29\", \"isOffDay\": false},", "");
        assertThat(put("/api/v1/admin/calendar/years/2019", withoutMakeUp, admin).statusCode()).isEqualTo(200);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2019-09-29"))).isFalse();
        assertThat(put("/api/v1/admin/calendar/years/2019", SCHEDULE_2019, admin).statusCode()).isEqualTo(200);

        String before = get("/api/v1/admin/calendar/years", admin).body();
        assertProblem(put("/api/v1/admin/calendar/years/2018", SCHEDULE_2019, admin), 400, "CALENDAR_YEAR_MISMATCH", "2018");
        assertProblem(put("/api/v1/admin/calendar/years/2019", SCHEDULE_2019.replace("2019-10-07", "2020-10-07"), admin),
                400, "CALENDAR_DATE_OUTSIDE_YEAR", "2020-10-07");
        assertProblem(put("/api/v1/admin/calendar/years/2019", SCHEDULE_2019.replace("2019-10-07", "2019-10-04"), admin),
                400, "CALENDAR_DUPLICATE_DATE", "2019-10-04");
        assertProblem(put("/api/v1/admin/calendar/years/2019", SCHEDULE_2019.replace("\"name\": \"国庆节\", \"date\": \"2019-10-02\"",
                "\"name\": \" \", \"date\": \"2019-10-02\""), admin), 400, "CALENDAR_DAY_INCOMPLETE", "第3条");
        assertProblem(put("/api/v1/admin/calendar/years/2019", "{\"year\": 2019, \"days\": []}", admin), 400,
                "CALENDAR_SCHEDULE_EMPTY", "2019");
        assertProblem(put("/api/v1/admin/calendar/years/2019", SCHEDULE_2019.replace("2019-10-07", "2019-10-32"), admin),
                400, "MALFORMED_REQUEST", "JSON");
        assertProblem(put("/api/v1/admin/calendar/years/1800", SCHEDULE_2019.replace("2019", "1800"), admin), 400,
                "CALENDAR_YEAR_OUT_OF_RANGE", "1800");
        assertThat(get("/api/v1/admin/calendar/years", admin).body()).isEqualTo(before);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2019-09-29"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2019-10-07"))).isFalse();
    }

    @Test
    void healthReportsTheCalendarAndOverallHealthStaysServed() throws Exception {
        String expected = health.health(LocalDate.now(WorkingDayCalendar.ZONE)).getStatus().getCode();
        HttpResponse<String> r = get("/actuator/health/calendar");
        assertThat(r.statusCode()).isEqualTo(expected.equals("DOWN") ? 503 : 200);
        assertThat(json.readTree(r.body()).get("status").asString()).isEqualTo(expected);
        if (expected.equals("WARNING")) {
            int next = LocalDate.now(WorkingDayCalendar.ZONE).getYear() + 1;
            assertThat(json.readTree(r.body()).at("/details/message").asString()).contains(next + "年");
        }

        HttpResponse<String> overall = get("/actuator/health");
        assertThat(overall.statusCode()).isEqualTo(expected.equals("DOWN") ? 503 : 200);
        assertThat(json.readTree(overall.body()).at("/components/calendar/status").asString()).isEqualTo(expected);
    }

    private void assertProblem(HttpResponse<String> r, int status, String code, String detailPart) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("detail").asString()).contains(detailPart);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, null);
    }

    private HttpResponse<String> get(String path, StaffLogin.@Nullable Session session) throws Exception {
        return send(request(path, session).GET());
    }

    private HttpResponse<String> put(String path, String body, StaffLogin.@Nullable Session session)
            throws Exception {
        return send(request(path, session).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path, StaffLogin.@Nullable Session session) {
        return session != null ? session.request(path)
                : HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
