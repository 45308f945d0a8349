package dev.hubspotetl.api.tenancy;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a controller method its caller's {@link Tenant}, as {@link ApiKeyFilter} authenticated it. */
public class TenantArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Tenant.class;
    }

    @Override
    public Tenant resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        Object tenant = request.getAttribute(ApiKeyFilter.TENANT_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (tenant == null) {
            // A controller outside /api/ asked for a tenant: a programming error, not a client's.
            throw new IllegalStateException("No authenticated tenant on " + parameter.getMethod());
        }
        return (Tenant) tenant;
    }
}
