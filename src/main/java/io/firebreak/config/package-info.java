/** Settings and file locations, read once at start and validated. */
package io.firebreak.config;
