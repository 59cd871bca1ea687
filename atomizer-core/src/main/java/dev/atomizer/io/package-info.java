/**
 * <b>Internal.</b> Atomic writes: every file Atomizer writes goes to a temporary file moved into place. The front ends never use it: they go through the façade.
 */
@NullMarked
package dev.atomizer.io;

import org.jspecify.annotations.NullMarked;
