package dev.hubspotetl.app.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reading Compose-style YAML: safe construction, merge keys resolved, a key given twice rejected. */
final class Yamls {

    // $$ | ${NAME} ${NAME:-default} ${NAME-default} ${NAME:?error} ${NAME:+alternative} | $NAME
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private Yamls() {
    }

    static Yaml parser() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    static Map<String, Object> map(Object node) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> map.put(String.valueOf(key), value));
        }
        return map;
    }

    static List<Object> list(Object node) {
        if (node instanceof List<?> items) {
            return List.copyOf(items.stream().map(item -> item == null ? "" : item).toList());
        }
        return node == null ? List.of() : List.of(node);
    }

    static String text(Object node) {
        return node == null ? "" : String.valueOf(node);
    }

    /**
     * A value as Compose sees it with no variable set in the shell or a .env file: {@code ${NAME:-default}}
     * becomes its default, an unset {@code ${NAME}} the empty string, {@code $$} a dollar sign.
     */
    static String withDefaults(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String operator = matcher.group(2);
            String replacement;
            if (matcher.group().equals("$$")) {
                replacement = "$";
            } else if (operator != null && operator.endsWith("-")) {
                replacement = matcher.group(3);
            } else {
                replacement = "";
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(resolved).toString();
    }
}
