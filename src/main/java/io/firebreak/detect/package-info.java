/** Detection: event-time window statistics, baselines, Drools rules producing CrisisSignal facts, backtest. */
package io.firebreak.detect;
