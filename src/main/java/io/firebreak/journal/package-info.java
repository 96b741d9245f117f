/** Durable local state: append-only JSON-lines journals forced to disk before a write returns, replayed at start. */
package io.firebreak.journal;
