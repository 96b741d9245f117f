package io.firebreak.notify;

import java.time.Instant;

/** One bucket of the chart: mentions counted in it and the brand's usual level for it. */
public record SeriesPoint(Instant at, long count, double baseline) {}
