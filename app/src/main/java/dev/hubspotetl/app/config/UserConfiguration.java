package dev.hubspotetl.app.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.DescriptiveResource;
import org.springframework.core.io.Resource;

/**
 * The configuration the user gave, read the way every stage will read it: {@code --name=value}
 * arguments, Java system properties, environment variables (relaxed: {@code SPRING_DATASOURCE_URL}),
 * and {@code application.yml}/{@code .properties} in the working directory or {@code ./config/}
 * (and whatever {@code spring.config.import} or {@code spring.config.location} names). The stages'
 * own defaults in their jars are left out: a setting counts as given only when the user gave it,
 * which is what decides whether an embedded part gives way to a real one.
 */
public final class UserConfiguration {

    private final Binder binder;

    private UserConfiguration(Binder binder) {
        this.binder = binder;
    }

    /**
     * @param commandLineProperties the {@code --name=value} arguments
     * @param environmentVariables  the process environment ({@code System.getenv()})
     */
    public static UserConfiguration load(Map<String, String> commandLineProperties,
                                         Map<String, String> environmentVariables) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        String variables = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        sources.replace(variables, new SystemEnvironmentPropertySource(variables, new HashMap<>(environmentVariables)));
        sources.addFirst(new MapPropertySource("commandLineArgs", new HashMap<>(commandLineProperties)));
        ConfigDataEnvironmentPostProcessor.applyTo(environment, new WorkingDirectoryOnly(),
                new DefaultBootstrapContext());
        return new UserConfiguration(Binder.get(environment));
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(binder.bind(name, String.class).orElse(null)).filter(value -> !value.isBlank());
    }

    public boolean isGiven(String name) {
        return get(name).isPresent();
    }

    /** The entries under {@code prefix}, e.g. the credential references of {@code etl.hubspot.credentials}. */
    public Map<String, String> map(String prefix) {
        return binder.bind(prefix, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    }

    /** Hides {@code classpath:} configuration files: those are the stages' defaults, not the user's. */
    private static final class WorkingDirectoryOnly extends DefaultResourceLoader {

        @Override
        public Resource getResource(String location) {
            if (location.startsWith(CLASSPATH_URL_PREFIX)) {
                return new DescriptiveResource("stage defaults are not user configuration: " + location);
            }
            return super.getResource(location);
        }
    }
}
