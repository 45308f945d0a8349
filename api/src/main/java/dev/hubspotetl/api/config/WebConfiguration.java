package dev.hubspotetl.api.config;

import dev.hubspotetl.api.tenancy.ApiKeyFilter;
import dev.hubspotetl.api.tenancy.ApiKeys;
import dev.hubspotetl.api.tenancy.TenantArgumentResolver;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ObjectMapper;

/** API-key authentication in front of {@code /api/}, and the tenant it yields for the controllers. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WebConfiguration.class);

    @Bean
    ApiKeys apiKeys(ApiProperties properties) {
        ApiKeys keys = new ApiKeys(properties.api().keys());
        if (keys.size() == 0) {
            log.warn("No API keys configured (etl.api.keys.<key>=<organization_id>): every /api request gets 401");
        }
        return keys;
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeys keys, ObjectMapper json) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(keys, json));
        registration.addUrlPatterns("/api/*");
        // After Boot's own filters (character encoding, metrics), before anything that reads the body.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new TenantArgumentResolver());
    }
}
