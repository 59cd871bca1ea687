/**
 * <b>Internal.</b> The hook's start-up measures: its one-command JVM, warm-up and flags. The front ends never use it: they go through the façade.
 */
@NullMarked
package dev.atomizer.startup;

import org.jspecify.annotations.NullMarked;
