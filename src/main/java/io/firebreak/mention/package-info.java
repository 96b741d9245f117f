/** The Mention v1 contract: the record every stage passes along, and how JSON becomes one (or a clear rejection). */
package io.firebreak.mention;
