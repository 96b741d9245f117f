package io.firebreak.detect;

import io.firebreak.enrich.ChineseText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first crisis keyword in a text and tells its category. A Latin keyword matches as a whole word
 * (or, ending in '*', as a word's start); a Chinese one anywhere, since Chinese puts no spaces between
 * words, in Simplified characters (a Traditional text is converted first).
 *
 * <p>Two patterns, so that a text without Chinese costs one pass of the Latin one: a single {@code \b}
 * before the whole alternation lets the matcher skip every position inside a word at once, where a
 * {@code \b} in each of its hundred alternatives would try them all at every character.
 */
final class CrisisKeywords {

    /** One pattern with a capture group per category, and the category of each group. */
    private record Alternation(Pattern pattern, List<Category> groups) {
        static Alternation of(Map<Category, List<String>> words, String before, String after) {
            List<Category> groups = new ArrayList<>();
            StringBuilder re = new StringBuilder();
            words.forEach((category, list) -> {
                if (!list.isEmpty()) {
                    re.append(re.isEmpty() ? "" : "|").append('(').append(String.join("|", list)).append(')');
                    groups.add(category);
                }
            });
            return re.isEmpty() ? null
                    : new Alternation(Pattern.compile(before + "(?:" + re + ")" + after, Pattern.CASE_INSENSITIVE), groups);
        }

        /** The first keyword's start and category, or null. */
        Hit find(String text) {
            Matcher m = pattern.matcher(text);
            if (!m.find()) {
                return null;
            }
            for (int g = 0; g < groups.size(); g++) {
                if (m.group(g + 1) != null) {
                    return new Hit(m.start(), groups.get(g));
                }
            }
            return null;
        }
    }

    private record Hit(int at, Category category) {}

    private final Alternation latin;
    private final Alternation han;

    CrisisKeywords(Map<String, List<String>> byCategory) {
        // sorted so the same config always compiles to the same pattern
        Map<Category, List<String>> latinWords = new java.util.LinkedHashMap<>();
        Map<Category, List<String>> hanWords = new java.util.LinkedHashMap<>();
        for (var e : new TreeMap<>(byCategory).entrySet()) {
            Category category = Category.of(e.getKey());
            for (String w : e.getValue()) {
                String word = w.trim().toLowerCase(Locale.ROOT);
                boolean prefix = word.endsWith("*");
                String stem = prefix ? word.substring(0, word.length() - 1) : word;
                if (ChineseText.hasHan(stem)) {
                    hanWords.computeIfAbsent(category, c -> new ArrayList<>()).add(Pattern.quote(ChineseText.simplified(stem)));
                } else {
                    latinWords.computeIfAbsent(category, c -> new ArrayList<>()).add(Pattern.quote(stem) + (prefix ? "\\w*" : ""));
                }
            }
        }
        latin = Alternation.of(latinWords, "\\b", "\\b");
        han = Alternation.of(hanWords, "", "");
    }

    /** The category of the first keyword in the text, or null when it names none. */
    Category find(String text) {
        Hit first = latin == null ? null : latin.find(text);
        if (han != null && ChineseText.hasHan(text)) {
            // Simplified characters replace Traditional ones one for one: the offsets stay the text's
            Hit chinese = han.find(ChineseText.simplified(text));
            if (chinese != null && (first == null || chinese.at() < first.at())) {
                first = chinese;
            }
        }
        return first == null ? null : first.category();
    }
}
