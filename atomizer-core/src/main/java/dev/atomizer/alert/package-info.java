/**
 * <b>Internal.</b> The watchdog: alerts at the wall clock, their renderings and the webhook. The front ends never use it: they go through the façade.
 */
@NullMarked
package dev.atomizer.alert;

import org.jspecify.annotations.NullMarked;
