/**
 * <b>Internal.</b> The derived files: the dashboards, the KPIs and gates, their generation and comparison, and the {@code generated-stale} rule. The front ends never use it: they go through the façade.
 */
package dev.atomizer.derive;
