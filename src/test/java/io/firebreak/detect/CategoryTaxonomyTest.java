package io.firebreak.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.enrich.CategoryClassifier;
import io.firebreak.statement.HoldingStatements;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The taxonomy is configured in config/categories.yaml and counted by detection as {@link Category}: the two
 * lists must be the same, in the same order (ties go to the first), or a new category would be counted as
 * "other" in the windows and never reach its statements and route.
 */
class CategoryTaxonomyTest {

    private static final List<String> CONFIGURED =
            CategoryClassifier.load(Path.of("config/categories.yaml")).categories();

    @Test
    void detectionCountsEveryConfiguredCategoryInTheConfiguredOrder() {
        List<String> counted = Arrays.stream(Category.values()).filter(c -> c != Category.OTHER).map(Category::id).toList();
        assertThat(counted).containsExactlyElementsOf(CONFIGURED);
    }

    @Test
    void everyCategoryHasItsHoldingStatements() {
        var statements = HoldingStatements.load(Path.of("config/statements"), Path.of("config/statement-settings.yaml"));
        assertThat(statements.categories().keySet()).containsAll(CONFIGURED).contains(CategoryClassifier.OTHER);
    }

    @Test
    void crisisKeywordsNameOnlyKnownCategories() {
        var keywords = DetectionSettings.load(Path.of("config/detection.yaml")).keywords();
        assertThat(keywords.keySet()).allSatisfy(id -> assertThat(CONFIGURED).contains(id));
        assertThat(keywords.keySet()).contains("violence", "tampering", "transport", "misinformation", "misconduct");
    }

    @Test
    void keywordsOfTheNewCategoriesAreFoundInPosts() {
        var keywords = new CrisisKeywords(DetectionSettings.load(Path.of("config/detection.yaml")).keywords());
        assertThat(keywords.find("Reports of a gunman at the Acme store on 5th, shots fired")).isEqualTo(Category.VIOLENCE);
        assertThat(keywords.find("found a razor blade inside my acme cereal")).isEqualTo(Category.TAMPERING);
        assertThat(keywords.find("acme train derailed outside the station")).isEqualTo(Category.TRANSPORT);
        assertThat(keywords.find("that acme poison story is a hoax")).isEqualTo(Category.SAFETY);
        assertThat(keywords.find("the acme recall story is fake news")).isEqualTo(Category.PRODUCT_QUALITY);
        assertThat(keywords.find("acme CFO charged with embezzlement")).isEqualTo(Category.MISCONDUCT);
        assertThat(keywords.find("the viral acme video was debunked hours ago")).isEqualTo(Category.MISINFORMATION);
    }
}
