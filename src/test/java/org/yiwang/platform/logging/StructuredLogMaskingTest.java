package org.yiwang.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The production profile logs JSON; its configuration must mask personal data in every value. */
class StructuredLogMaskingTest {

    @ParameterizedTest
    @ValueSource(strings = {"configured", "logstash"})
    void masksIdAndMobileNumbersInJsonLines(String format) throws Exception {
        Environment environment = productionEnvironment();
        String chosen = format.equals("configured") ? environment.getProperty("logging.structured.format.console") : format;
        assertThat(chosen).isNotBlank();

        LoggerContext context = new LoggerContext();
        LogbackMDCAdapter mdc = new LogbackMDCAdapter();
        mdc.put("applicant", "11010519491231002X");
        context.setMDCAdapter(mdc);
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(chosen);
        encoder.start();
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("test"), Level.WARN,
                "申请人 {} 联系电话 {}", new IllegalStateException("证件 11010519491231002X 手机 13812345678",
                        new IllegalArgumentException("原因：13812345678")),
                new Object[] {"11010519491231002X", "13812345678"});
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        encoder.stop();

        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.findValue("message").asString()).isEqualTo("申请人 110105********002X 联系电话 138****5678");
        assertThat(json.findValue("applicant").asString()).isEqualTo("110105********002X");
        assertThat(line).contains("证件 110105********002X 手机 138****5678", "原因：138****5678")
                .doesNotContain("11010519491231002X", "13812345678");
    }

    private static Environment productionEnvironment() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();
        for (String file : new String[] {"application-prod.yml", "application.yml"}) {
            yaml.load(file, new ClassPathResource(file)).forEach(environment.getPropertySources()::addLast);
        }
        return environment;
    }
}
