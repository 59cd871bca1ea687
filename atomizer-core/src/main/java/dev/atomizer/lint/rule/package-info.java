/**
 * <b>Internal.</b> One class per entry rule of the log contract. The front ends never use it: they go through the façade.
 */
@NullMarked
package dev.atomizer.lint.rule;

import org.jspecify.annotations.NullMarked;
