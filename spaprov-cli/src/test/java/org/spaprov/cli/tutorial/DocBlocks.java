package org.spaprov.cli.tutorial;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runnable parts of a Markdown document: every {@code ```sh} block, each with the {@code ```text}
 * block that follows it (before the next {@code ```sh} block), which holds the output it must show.
 */
record DocBlocks(List<Step> steps) {
    /** One shell block, its first line number in the document, and its expected output if the doc shows one. */
    record Step(int line, String script, Optional<String> expected) {
        String firstLine() {
            return script.lines().findFirst().orElse("");
        }
    }

    static DocBlocks parse(String markdown) {
        List<Step> steps = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        String script = null;
        int scriptLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("```") || l.equals("```")) {
                continue;
            }
            String kind = l.substring(3).trim();
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).equals("```")) {
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalArgumentException("line " + (i + 1) + ": unclosed ``` block");
            }
            String body = String.join("\n", lines.subList(start, end)) + "\n";
            if (kind.equals("sh")) {
                if (script != null) {
                    steps.add(new Step(scriptLine, script, Optional.empty()));
                }
                script = body;
                scriptLine = i + 1;
            } else if (kind.equals("text") && script != null) {
                steps.add(new Step(scriptLine, script, Optional.of(body)));
                script = null;
            }
            i = end;
        }
        if (script != null) {
            steps.add(new Step(scriptLine, script, Optional.empty()));
        }
        return new DocBlocks(List.copyOf(steps));
    }
}
