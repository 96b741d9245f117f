package io.firebreak.enrich;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the brands a text is about, from {@code config/brands.yaml}: names, aliases, handles and hashtags
 * as whole words, ignoring case and accents. An exclusion vetoes name and alias matches: one that contains
 * the name ("apple pie") vetoes that occurrence only, so "my iPhone and an apple pie" is still Apple; one that
 * does not ("orchard") vetoes the brand's names anywhere in the text. Handles and hashtags are never vetoed.
 */
public final class BrandMatcher {

    /** One brand as configured. */
    public record Brand(String id, String name, List<String> names, List<String> handles, List<String> hashtags,
                        List<String> aliases, List<String> exclusions) {
        public Brand {
            names = names == null ? List.of() : List.copyOf(names);
            handles = handles == null ? List.of() : List.copyOf(handles);
            hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
        }
    }

    /** The file's shape. */
    public record BrandsFile(List<Brand> brands) {}

    private record Hit(String brand, boolean vetoable) {}

    private record Span(String brand, int from, int to) {
        boolean overlaps(Span other) {
            return from < other.to && other.from < to;
        }
    }

    private final List<Brand> brands;
    private final Map<String, String> byGivenName = new HashMap<>();
    private final PhraseIndex<Hit> terms = new PhraseIndex<>();
    private final PhraseIndex<String> exclusions = new PhraseIndex<>();
    private final HanBrandMatcher han;

    private BrandMatcher(List<Brand> brands) {
        this.brands = List.copyOf(brands);
        for (Brand b : brands) {
            b.names().forEach(t -> terms.add(t, new Hit(b.id(), true)));
            b.aliases().forEach(t -> terms.add(t, new Hit(b.id(), true)));
            b.handles().forEach(t -> terms.add(t.startsWith("@") ? t : "@" + t, new Hit(b.id(), false)));
            b.hashtags().forEach(t -> terms.add(t.startsWith("#") ? t : "#" + t, new Hit(b.id(), false)));
            b.exclusions().forEach(t -> exclusions.add(t, b.id()));
            Stream.of(List.of(b.id()), b.name() == null ? List.<String>of() : List.of(b.name()), b.names(), b.aliases(),
                            b.handles(), b.hashtags())
                    .flatMap(List::stream)
                    .forEach(n -> byGivenName.putIfAbsent(fold(n), b.id()));
        }
        han = new HanBrandMatcher(brands);
    }

    /**
     * The brand id for a mention's own {@code brand} field: sources name brands their own way ("United",
     * "US Airways", "@united"), and detection must count them under one id. A source saying which
     * brand a post is about is not ambiguous the way free text is, so the id and the display name
     * match too. An unknown name is kept as given.
     */
    public String resolve(String given) {
        return byGivenName.getOrDefault(fold(given), given.strip());
    }

    /**
     * "  @Citroën   UK " -> "citroen uk": accents and one leading '@' or '#' dropped, lower case, spaces
     * collapsed. Runs on every mention with a brand field, so a loop rather than three regular expressions.
     */
    static String fold(String name) {
        String plain = name.strip();
        if (!plain.chars().allMatch(c -> c < 0x80)) {
            plain = Normalizer.normalize(plain, Normalizer.Form.NFD);
        }
        StringBuilder out = new StringBuilder(plain.length());
        boolean first = true;
        boolean space = false;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            int type = Character.getType(c);
            // marks and invisible formatting (zero-width, bidi): "Ac\u200Bme" names the same brand as "Acme"
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.FORMAT) {
                continue;
            }
            boolean marker = first && (c == '@' || c == '#');
            first = false;
            if (marker) {
                continue;
            }
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                space = true;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** @throws EnrichConfigException naming every problem of the file, one per line */
    public static BrandMatcher load(Path file) {
        List<String> problems = new ArrayList<>();
        BrandsFile parsed = ConfigYaml.read(file, BrandsFile.class, problems);
        if (parsed != null && (parsed.brands() == null || parsed.brands().isEmpty())) {
            problems.add(ConfigYaml.problem(file, "no brands: expected a list under 'brands:'"));
        }
        ConfigYaml.throwIfAny(problems);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < parsed.brands().size(); i++) {
            Brand b = parsed.brands().get(i);
            String at = "brands[" + i + "]";
            if (b == null || b.id() == null || b.id().isBlank()) {
                problems.add(ConfigYaml.problem(file, at + ": brand #" + (i + 1) + " has no id"));
            } else if (!ids.add(b.id())) {
                problems.add(ConfigYaml.problem(file, at + ".id: brand id '" + b.id() + "' appears twice"));
            } else if (b.names().isEmpty() && b.aliases().isEmpty() && b.handles().isEmpty() && b.hashtags().isEmpty()) {
                problems.add(ConfigYaml.problem(file, at + ": brand '" + b.id() + "' has no names, aliases, handles or hashtags to match"));
            }
        }
        ConfigYaml.throwIfAny(problems);
        try {
            return new BrandMatcher(parsed.brands());
        } catch (IllegalArgumentException e) {
            throw ConfigYaml.invalid(file, e.getMessage());
        }
    }

    public List<Brand> brands() {
        return brands;
    }

    /** The ids of the brands matched (handle and hashtag matches first); empty when none. */
    public List<String> match(Tokens tokens) {
        Set<String> strong = new LinkedHashSet<>();
        List<Span> names = new ArrayList<>();
        terms.find(tokens, (hit, words, from, to) -> {
            if (hit.vetoable()) {
                names.add(new Span(hit.brand(), from, to));
            } else {
                strong.add(hit.brand());
            }
        });
        if (names.isEmpty()) {
            return List.copyOf(strong);
        }
        List<Span> excluded = new ArrayList<>();
        exclusions.find(tokens, (brand, words, from, to) -> excluded.add(new Span(brand, from, to)));
        Set<String> out = new LinkedHashSet<>(strong);
        for (Span name : names) {
            if (!vetoed(name, names, excluded)) {
                out.add(name.brand());
            }
        }
        return List.copyOf(out);
    }

    /**
     * As {@link #match(Tokens)}, plus the brands whose Chinese names occur in the segmented text
     * ({@link HanBrandMatcher}); {@code chinese} is null for a text without Han characters.
     */
    public List<String> match(Tokens tokens, HanText chinese) {
        List<String> latin = match(tokens);
        if (chinese == null || han.isEmpty()) {
            return latin;
        }
        List<String> hanBrands = han.match(chinese);
        if (hanBrands.isEmpty()) {
            return latin;
        }
        Set<String> out = new LinkedHashSet<>(latin);
        out.addAll(hanBrands);
        return List.copyOf(out);
    }

    private static boolean vetoed(Span name, List<Span> names, List<Span> excluded) {
        for (Span ex : excluded) {
            if (!ex.brand().equals(name.brand())) {
                continue;
            }
            if (ex.overlaps(name)) {
                return true;
            }
            boolean coTerm = names.stream().noneMatch(n -> n.brand().equals(ex.brand()) && n.overlaps(ex));
            if (coTerm) {
                return true;
            }
        }
        return false;
    }
}
