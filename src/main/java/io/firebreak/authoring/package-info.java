/**
 * What a rule author runs before a rule ships: rule tests on fixtures through the real engine
 * ({@link io.firebreak.authoring.RuleTests}, with JUnit XML for CI), lint of every rule and config file
 * with {@code file:line} ({@link io.firebreak.authoring.Lint}), and threshold sweeps against labelled
 * incidents ({@link io.firebreak.authoring.Sweep}). It drives {@code service.Backtest}, the same brand
 * partitions live ingest runs; nothing here is called by the service.
 */
package io.firebreak.authoring;
