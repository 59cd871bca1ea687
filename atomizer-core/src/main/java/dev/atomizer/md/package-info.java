/**
 * <b>Internal.</b> Markdown helpers over commonmark-java: GFM tables and the one escaper. The front ends never use it: they go through the façade.
 */
@NullMarked
package dev.atomizer.md;

import org.jspecify.annotations.NullMarked;
