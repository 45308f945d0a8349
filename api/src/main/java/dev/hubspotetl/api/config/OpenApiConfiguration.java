package dev.hubspotetl.api.config;

import dev.hubspotetl.api.tenancy.ApiKeyFilter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";

    @Bean
    OpenAPI hubspotEtlOpenApi() {
        return new OpenAPI()
                .info(new Info().title("HubSpot Deals ETL API").version("v1")
                        .description("Start, watch, cancel and delete scans of a HubSpot portal's deals, and query, "
                                + "summarize and export the deals they loaded. Every /api request needs an "
                                + ApiKeyFilter.HEADER + " header; a key sees only its own organization's scans. "
                                + "Every error has the body {error_code, message, details}."))
                .components(new Components().addSecuritySchemes(API_KEY, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(ApiKeyFilter.HEADER)))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
