package io.firebreak.service;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.Exchange;

/** {@code GET /metrics}: every meter in the Prometheus text format. */
public final class MetricsApi {

    private final PrometheusMeterRegistry registry;
    private final Runnable beforeScrape;

    /** @param beforeScrape brings dynamic meters up to date (sources seen since the last tick) */
    public MetricsApi(PrometheusMeterRegistry registry, Runnable beforeScrape) {
        this.registry = registry;
        this.beforeScrape = beforeScrape;
    }

    public void scrape(Exchange exchange) {
        beforeScrape.run();
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        exchange.getMessage().setBody(registry.scrape());
    }
}
