package dev.hubspotetl.api.tenancy;

import dev.hubspotetl.api.web.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Authenticates every request under {@code /api/} by its {@code X-API-Key} header and records the
 * caller's {@link Tenant} for the controllers. A missing or unknown key is answered 401 here, before
 * routing, so that an unauthenticated caller learns nothing about which routes or scans exist.
 * Actuator, OpenAPI and Swagger UI stay open: they hold no tenant data.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-API-Key";
    static final String TENANT_ATTRIBUTE = Tenant.class.getName();

    private final ApiKeys keys;
    private final ObjectMapper json;

    public ApiKeyFilter(ApiKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        Optional<Tenant> tenant = keys.resolve(presented);
        if (tenant.isEmpty()) {
            String message = presented == null || presented.isEmpty()
                    ? "Missing API key: send it in the " + HEADER + " header"
                    : "Unknown API key";
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ApiError.of("UNAUTHORIZED", message));
            return;
        }
        request.setAttribute(TENANT_ATTRIBUTE, tenant.get());
        MDC.put("organization_id", tenant.get().organizationId());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("organization_id");
        }
    }
}
