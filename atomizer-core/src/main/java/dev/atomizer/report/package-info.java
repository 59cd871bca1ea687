/**
 * <b>Internal.</b> The weekly, closeout and status reports: write-once, their clock, week and template. The front ends never use it: they go through the façade.
 */
package dev.atomizer.report;
