/**
 * <b>Internal.</b> {@code init}'s scaffold and the hooks' installer. The front ends never use it: they go through the façade.
 */
@NullMarked
package dev.atomizer.install;

import org.jspecify.annotations.NullMarked;
