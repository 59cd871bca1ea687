/**
 * <b>Internal.</b> The Auditor's summary of a range: what it did, and whether to merge. The front ends never use it: they go through the façade.
 */
package dev.atomizer.audit;
