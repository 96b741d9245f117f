/** The firebreak command line: run, demo, status, backtest (and sweeps), rules test and lint, sentiment, bench. */
package io.firebreak.cli;
