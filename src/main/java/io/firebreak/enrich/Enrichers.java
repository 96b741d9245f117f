package io.firebreak.enrich;

import io.firebreak.config.Home;
import java.nio.file.Path;

/** Builds the enricher the rest of Firebreak calls. */
public final class Enrichers {

    private Enrichers() {}

    /** From {@code config/brands.yaml}, {@code config/categories.yaml} and the shipped lexicons. */
    public static StandardEnricher standard(Home home) {
        return fromFiles(home.config("brands.yaml"), home.config("categories.yaml"));
    }

    /** From given config files, for tests and tools; throws {@link EnrichConfigException} naming a bad file. */
    public static StandardEnricher fromFiles(Path brandsYaml, Path categoriesYaml) {
        BrandMatcher brands = BrandMatcher.load(brandsYaml);
        CategoryClassifier categories = CategoryClassifier.load(categoriesYaml);
        return new StandardEnricher(SentimentAnalyzer.standard(), brands, categories);
    }
}
