/**
 * <b>Internal.</b> The linter of log entries and the append use case's writer. The front ends never use it: they go through the façade.
 */
@NullMarked
package dev.atomizer.lint;

import org.jspecify.annotations.NullMarked;
