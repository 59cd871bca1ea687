/**
 * <b>Internal.</b> The data contract read from {@code schemas.md}: agents, event types, statuses, settings, governed paths, sections. The front ends never use it: they go through the façade.
 */
package dev.atomizer.contract;
