package io.firebreak.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Chinese half of brand matching: names and aliases written in Chinese (艾克美航空, 艾克美) found on
 * the segmenter's word boundaries, since Chinese text has no spaces for whole-word matching. Exclusions
 * work as in {@link BrandMatcher}: one that contains a name (苹果汁 for 苹果) vetoes the occurrences it
 * overlaps (the segmenter often keeps such a word whole, and then the name is not found in it anyway), one
 * that does not (果园) vetoes the brand's Chinese names anywhere in the text.
 */
final class HanBrandMatcher {

    private record Span(String brand, int from, int to) {
        boolean overlaps(Span other) {
            return from < other.to && other.from < to;
        }
    }

    private record Exclusion(String brand, boolean containsName) {}

    private final HanPhrases<String> names = new HanPhrases<>();
    private final HanPhrases<Exclusion> exclusions = new HanPhrases<>();

    HanBrandMatcher(List<BrandMatcher.Brand> brands) {
        for (BrandMatcher.Brand b : brands) {
            b.names().stream().filter(HanPhrases::isHan).forEach(t -> names.add(t, b.id()));
            b.aliases().stream().filter(HanPhrases::isHan).forEach(t -> names.add(t, b.id()));
            List<String> own = java.util.stream.Stream.concat(b.names().stream(), b.aliases().stream())
                    .filter(HanPhrases::isHan).map(ChineseText::simplified).toList();
            b.exclusions().stream().filter(HanPhrases::isHan).forEach(t -> {
                String simple = ChineseText.simplified(t);
                exclusions.add(t, new Exclusion(b.id(), own.stream().anyMatch(simple::contains)));
            });
        }
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /** The ids of the brands whose Chinese names occur, in order of first occurrence. */
    List<String> match(HanText text) {
        List<Span> found = new ArrayList<>();
        names.find(text, (brand, term, from, to) -> found.add(new Span(brand, from, to)));
        if (found.isEmpty()) {
            return List.of();
        }
        List<Span> local = new ArrayList<>();
        Set<String> anywhere = new java.util.HashSet<>();
        exclusions.find(text, (ex, term, from, to) -> {
            if (ex.containsName()) {
                local.add(new Span(ex.brand(), from, to));
            } else {
                anywhere.add(ex.brand());
            }
        });
        Set<String> out = new LinkedHashSet<>();
        for (Span name : found) {
            boolean vetoed = anywhere.contains(name.brand())
                    || local.stream().anyMatch(ex -> ex.brand().equals(name.brand()) && ex.overlaps(name));
            if (!vetoed) {
                out.add(name.brand());
            }
        }
        return List.copyOf(out);
    }
}
