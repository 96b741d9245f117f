/**
 * Detection, one brand at a time: its event-time clock, minute windows (each mention key counted once),
 * baseline, notable mentions and Drools session ({@link io.firebreak.detect.BrandDetector}), per-source
 * clocks, and the rules that turn windows into {@link io.firebreak.detect.CrisisSignal}s. Knows nothing
 * of alerts: what it concludes leaves as {@link io.firebreak.detect.Evaluation}s.
 */
package io.firebreak.detect;
