package io.firebreak.enrich;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts a text in one crisis category of {@code config/categories.yaml}: each matched term counts its
 * number of words (a phrase is stronger evidence than a single word), the highest total wins, ties go to
 * the category listed first (list the most severe first), and nothing matched is {@value #OTHER}.
 * Terms are whole words, phrases or stems ("injur*"), per language; a language without terms uses all.
 */
public final class CategoryClassifier {

    public static final String OTHER = "other";

    /** One category as configured: terms by language (ISO 639-1). */
    public record Category(String id, String description, Map<String, List<String>> terms) {
        public Category {
            terms = terms == null ? Map.of() : Map.copyOf(terms);
        }
    }

    /** The file's shape. */
    public record CategoriesFile(List<Category> categories) {}

    /** The winning category and the words that put the text there. */
    public record Match(String category, List<String> terms) {
        static final Match NONE = new Match(OTHER, List.of());
    }

    private record Term(int category, String lang, int weight) {}

    private final List<String> ids;
    private final PhraseIndex<Term> index = new PhraseIndex<>();
    private final HanPhrases<Term> hanIndex = new HanPhrases<>();
    private final Set<String> languages;

    private CategoryClassifier(List<Category> categories) {
        ids = categories.stream().map(Category::id).toList();
        Set<String> langs = new LinkedHashSet<>();
        for (int c = 0; c < categories.size(); c++) {
            for (var byLang : categories.get(c).terms().entrySet()) {
                langs.add(byLang.getKey());
                for (String term : byLang.getValue()) {
                    if (HanPhrases.isHan(term)) {
                        hanIndex.add(term, new Term(c, byLang.getKey(), hanWeight(term)));
                    } else {
                        index.add(term, new Term(c, byLang.getKey(), Math.max(1, Tokens.phrase(term.replace("*", "")).size())));
                    }
                }
            }
        }
        languages = Set.copyOf(langs);
    }

    /** @throws EnrichConfigException naming every problem of the file, one per line */
    public static CategoryClassifier load(Path file) {
        List<String> problems = new ArrayList<>();
        CategoriesFile parsed = ConfigYaml.read(file, CategoriesFile.class, problems);
        if (parsed != null && (parsed.categories() == null || parsed.categories().isEmpty())) {
            problems.add(ConfigYaml.problem(file, "no categories: expected a list under 'categories:'"));
        }
        ConfigYaml.throwIfAny(problems);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < parsed.categories().size(); i++) {
            Category c = parsed.categories().get(i);
            String at = "categories[" + i + "]";
            if (c == null || c.id() == null || c.id().isBlank()) {
                problems.add(ConfigYaml.problem(file, at + ": category #" + (i + 1) + " has no id"));
            } else if (!seen.add(c.id())) {
                problems.add(ConfigYaml.problem(file, at + ".id: category id '" + c.id() + "' appears twice"));
            } else if (c.terms().isEmpty() && !c.id().equals(OTHER)) {
                problems.add(ConfigYaml.problem(file, at + ": category '" + c.id() + "' has no terms"));
            }
        }
        ConfigYaml.throwIfAny(problems);
        try {
            return new CategoryClassifier(parsed.categories());
        } catch (IllegalArgumentException e) {
            throw ConfigYaml.invalid(file, e.getMessage());
        }
    }

    public List<String> categories() {
        return ids;
    }

    /**
     * A Chinese term's weight: a Chinese word is mostly two characters, so a four-character term (食物中毒)
     * counts as the two words it is, like an English phrase.
     */
    private static int hanWeight(String term) {
        return Math.max(1, (term.strip().length() + 1) / 2);
    }

    public Match classify(Tokens tokens, String lang) {
        return classify(tokens, null, lang);
    }

    /** As {@link #classify(Tokens, String)}, with the Chinese terms found in the segmented text (null: none). */
    public Match classify(Tokens tokens, HanText chinese, String lang) {
        String primary = SentimentScorers.primarySubtag(lang);
        boolean anyLanguage = !languages.contains(primary);
        int[] scores = new int[ids.size()];
        Map<Integer, List<String>> words = new HashMap<>();
        index.find(tokens, (term, word, from, to) -> {
            if (anyLanguage || term.lang().equals(primary)) {
                scores[term.category()] += term.weight();
                words.computeIfAbsent(term.category(), k -> new ArrayList<>(2)).add(word);
            }
        });
        if (chinese != null && !hanIndex.isEmpty()) {
            hanIndex.find(chinese, (term, word, from, to) -> {
                if (anyLanguage || term.lang().equals(primary)) {
                    scores[term.category()] += term.weight();
                    words.computeIfAbsent(term.category(), k -> new ArrayList<>(2)).add(word);
                }
            });
        }
        if (words.isEmpty()) {
            return Match.NONE;
        }
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return new Match(ids.get(best), List.copyOf(new LinkedHashSet<>(words.get(best))));
    }
}
