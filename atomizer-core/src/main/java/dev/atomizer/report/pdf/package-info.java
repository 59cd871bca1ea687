/**
 * <b>Internal.</b> The PDF rendering of reports. The front ends never use it: they go through the façade.
 */
package dev.atomizer.report.pdf;
