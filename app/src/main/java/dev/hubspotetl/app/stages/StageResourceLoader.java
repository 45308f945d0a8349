package dev.hubspotetl.app.stages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.regex.Pattern;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.DescriptiveResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;

/**
 * Every stage ships its defaults as {@code application.yml} at the root of its jar; on one classpath
 * {@code classpath:application.yml} would find only the first of them. A stage's context is given
 * this loader, which answers the configuration-file locations from that stage's own jar (or classes
 * directory) and every other location as usual.
 */
final class StageResourceLoader extends DefaultResourceLoader {

    private static final Pattern CONFIG_FILE =
            Pattern.compile("classpath\\*?:/?((config/)?application[^/]*\\.(yml|yaml|properties))");

    private final Class<?> applicationClass;
    private final String moduleRoot;

    StageResourceLoader(Class<?> applicationClass) {
        super(applicationClass.getClassLoader());
        this.applicationClass = applicationClass;
        this.moduleRoot = root(applicationClass.getProtectionDomain().getCodeSource().getLocation());
    }

    @Override
    public Resource getResource(String location) {
        var matcher = CONFIG_FILE.matcher(location);
        return matcher.matches() ? moduleResource(matcher.group(1)) : super.getResource(location);
    }

    private Resource moduleResource(String path) {
        try {
            for (URL candidate : Collections.list(getClassLoader().getResources(path))) {
                String url = stripJarScheme(candidate.toString());
                if (url.startsWith(moduleRoot + "!/") || url.startsWith(moduleRoot + "/")) {
                    return new UrlResource(candidate);
                }
            }
            return new DescriptiveResource(path + " of " + applicationClass.getSimpleName() + " (none)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look up " + path + " for " + applicationClass.getName(), e);
        }
    }

    /**
     * The jar or directory a class comes from: {@code file:/m2/loader.jar}, {@code file:/x/target/classes}
     * or, in the runnable jar, {@code nested:/hubspot-etl.jar/!BOOT-INF/lib/loader.jar}.
     */
    static String root(URL codeSource) {
        String root = stripJarScheme(codeSource.toString());
        if (root.endsWith("!/")) {
            root = root.substring(0, root.length() - 2);
        }
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    private static String stripJarScheme(String url) {
        return url.startsWith("jar:") ? url.substring("jar:".length()) : url;
    }
}
