/** The firebreak command line: run, demo, status, backtest, sentiment, bench. */
package io.firebreak.cli;
