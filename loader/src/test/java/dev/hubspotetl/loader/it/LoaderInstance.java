package dev.hubspotetl.loader.it;

import dev.hubspotetl.loader.LoaderApplication;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A loader application running in this JVM. */
final class LoaderInstance implements AutoCloseable {

    final ConfigurableApplicationContext context;

    private LoaderInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static LoaderInstance start(Map<String, String> properties, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(properties);
        all.putAll(overrides);
        // As command-line arguments, so that they win over application.yml.
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new LoaderInstance(new SpringApplicationBuilder(LoaderApplication.class).run(args));
    }

    @Override
    public void close() {
        context.close();
    }
}
