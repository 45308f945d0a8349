package dev.hubspotetl.app.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read into instructions: continuation lines joined, comments dropped, each instruction
 * numbered by the stage it belongs to (-1 before the first FROM, where global ARGs live).
 *
 * @param instructions every instruction in order
 */
record Dockerfile(List<Instruction> instructions) {

    record Instruction(int stage, String keyword, String arguments) {
    }

    /** A build stage: its base image (global ARGs substituted) and its name, if it has one. */
    record Stage(int index, String image, Optional<String> name) {
    }

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int stage = -1;
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            String whole = pending.append(trimmed).toString().strip();
            pending.setLength(0);
            if (whole.isEmpty()) {
                continue;
            }
            String[] parts = whole.split("\\s+", 2);
            String keyword = parts[0].toUpperCase(Locale.ROOT);
            if (keyword.equals("FROM")) {
                stage++;
            }
            instructions.add(new Instruction(stage, keyword, parts.length > 1 ? parts[1].strip() : ""));
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    List<Instruction> in(int stage, String keyword) {
        return instructions.stream().filter(i -> i.stage() == stage && i.keyword().equals(keyword)).toList();
    }

    List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        for (Instruction from : instructions.stream().filter(i -> i.keyword().equals("FROM")).toList()) {
            List<String> words = new ArrayList<>(List.of(from.arguments().split("\\s+")));
            words.removeIf(word -> word.startsWith("--"));
            Optional<String> name = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")
                    ? Optional.of(words.get(2)) : Optional.empty();
            stages.add(new Stage(from.stage(), substituteGlobalArgs(words.get(0)), name));
        }
        return stages;
    }

    /** Names and defaults of the ARGs of one stage ({@code ARG NAME} has the empty default). */
    Map<String, String> args(int stage) {
        Map<String, String> args = new LinkedHashMap<>();
        for (Instruction arg : in(stage, "ARG")) {
            String[] nameAndDefault = arg.arguments().split("=", 2);
            args.put(nameAndDefault[0].strip(), nameAndDefault.length > 1 ? nameAndDefault[1].strip() : "");
        }
        return args;
    }

    String substituteGlobalArgs(String value) {
        Map<String, String> global = args(-1);
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(global.getOrDefault(name, matcher.group())));
        }
        return matcher.appendTail(resolved).toString();
    }

    int lastStage() {
        return stages().size() - 1;
    }
}
