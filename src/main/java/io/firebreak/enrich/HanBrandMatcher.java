package io.firebreak.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Chinese half of brand matching: names and aliases written in Chinese (艾克美航空, 艾克美) found on
 * the segmenter's word boundaries, since Chinese text has no spaces for whole-word matching. Exclusions
 * work as in {@link BrandMatcher}: one that overlaps a name occurrence (苹果汁 over 苹果) vetoes that
 * occurrence, one that does not vetoes the brand's Chinese names anywhere in the text.
 */
final class HanBrandMatcher {

    private record Span(String brand, int from, int to) {
        boolean overlaps(Span other) {
            return from < other.to && other.from < to;
        }
    }

    private final HanPhrases<String> names = new HanPhrases<>();
    private final HanPhrases<String> exclusions = new HanPhrases<>();

    HanBrandMatcher(List<BrandMatcher.Brand> brands) {
        for (BrandMatcher.Brand b : brands) {
            b.names().stream().filter(HanPhrases::isHan).forEach(t -> names.add(t, b.id()));
            b.aliases().stream().filter(HanPhrases::isHan).forEach(t -> names.add(t, b.id()));
            b.exclusions().stream().filter(HanPhrases::isHan).forEach(t -> exclusions.add(t, b.id()));
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
        List<Span> excluded = new ArrayList<>();
        exclusions.find(text, (brand, term, from, to) -> excluded.add(new Span(brand, from, to)));
        Set<String> out = new LinkedHashSet<>();
        for (Span name : found) {
            if (!vetoed(name, found, excluded)) {
                out.add(name.brand());
            }
        }
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
