package io.firebreak.service;

import io.firebreak.config.Home;
import io.firebreak.enrich.Enrichers;

/** How the production service is wired: the real enricher, stored mentions on to detection. */
public final class Wirings {

    private Wirings() {}

    public static FirebreakService.Wiring live(Home home) {
        return new FirebreakService.Wiring(Enrichers.standard(home), stored -> { });
    }
}
