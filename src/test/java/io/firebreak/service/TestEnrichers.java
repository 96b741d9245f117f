package io.firebreak.service;

import io.firebreak.config.Home;
import io.firebreak.enrich.Enricher;
import io.firebreak.enrich.Enrichment;
import java.util.List;

/** The enricher integration tests use. */
final class TestEnrichers {
    private TestEnrichers() {}

    static Enricher standard(Home home) {
        return m -> new Enrichment("und", false, 0, "unscored", m.brand() == null ? List.of() : List.of(m.brand()), "other", List.of());
    }
}
