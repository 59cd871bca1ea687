/**
 * <b>Internal.</b> The merge driver for concurrent appends to the log. The front ends never use it: they go through the façade.
 */
@NullMarked
package dev.atomizer.merge;

import org.jspecify.annotations.NullMarked;
