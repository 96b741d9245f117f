package io.firebreak.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped crisis keywords: whole words or prefixes, any case, phrases, and the category they name. */
class CrisisKeywordsTest {

    final CrisisKeywords keywords = new CrisisKeywords(DetectionSettings.load(Path.of("config/detection.yaml")).keywords());

    @Test
    void prefixesMatchTheirWordForms_inAnyCase() {
        assertThat(keywords.find("My son was INJURED by it")).isEqualTo(Category.SAFETY);
        assertThat(keywords.find("they are recalling the heaters")).isEqualTo(Category.PRODUCT_QUALITY);
        assertThat(keywords.find("massive data breach at acme")).isEqualTo(Category.DATA_PRIVACY);
    }

    @Test
    void wordsMatchWhole_notInsideOtherWords() {
        assertThat(keywords.find("we sued acme")).isEqualTo(Category.LEGAL);
        assertThat(keywords.find("a pseudo review of the new app")).isNull();
        assertThat(keywords.find("the class is in action")).isNull();
        assertThat(keywords.find("joining a class action now")).isEqualTo(Category.LEGAL);
    }

    @Test
    void noKeywordsConfigured_findsNothing() {
        assertThat(new CrisisKeywords(java.util.Map.of()).find("injured recall breach")).isNull();
    }
}
