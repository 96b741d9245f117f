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
 * Finds the first crisis keyword in a text and tells its category; one regex pass per text. A Latin
 * keyword matches as a whole word (or, ending in '*', as a word's start); a Chinese one anywhere, since
 * Chinese puts no spaces between words, in Simplified characters (a Traditional text is converted first).
 */
final class CrisisKeywords {

    private final Pattern pattern;
    private final List<Category> groups;

    CrisisKeywords(Map<String, List<String>> byCategory) {
        StringBuilder re = new StringBuilder();
        groups = new ArrayList<>();
        // sorted so the same config always compiles to the same pattern
        for (var e : new TreeMap<>(byCategory).entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            List<String> words = new ArrayList<>();
            for (String w : e.getValue()) {
                String word = w.trim().toLowerCase(Locale.ROOT);
                boolean prefix = word.endsWith("*");
                String stem = prefix ? word.substring(0, word.length() - 1) : word;
                words.add(ChineseText.hasHan(stem) ? Pattern.quote(ChineseText.simplified(stem))
                        : "\\b" + Pattern.quote(stem) + (prefix ? "\\w*" : "") + "\\b");
            }
            re.append(re.isEmpty() ? "" : "|").append('(').append(String.join("|", words)).append(')');
            groups.add(Category.of(e.getKey()));
        }
        pattern = re.isEmpty() ? null : Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }

    /** The category of the first keyword in the text, or null when it names none. */
    Category find(String text) {
        if (pattern == null) {
            return null;
        }
        Matcher m = pattern.matcher(ChineseText.hasHan(text) ? ChineseText.simplified(text) : text);
        if (!m.find()) {
            return null;
        }
        for (int g = 0; g < groups.size(); g++) {
            if (m.group(g + 1) != null) {
                return groups.get(g);
            }
        }
        return null;
    }
}
