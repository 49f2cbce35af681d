package org.yiwang.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title and description of the public API document served at {@code /v3/api-docs} and {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI yiwangApi() {
        return new OpenAPI().info(new Info()
                .title("一网通办 Yiwang API")
                .version("v1")
                .description("Public API of the integrated online government service platform: service-item catalogue, "
                        + "search, regions, departments and the statutory working-day calendar. Errors are RFC 9457 "
                        + "problem details with a stable `code` and a Chinese `detail` (send `Accept-Language: en` "
                        + "for English).")
                .license(new License().name("Apache-2.0")));
    }
}
