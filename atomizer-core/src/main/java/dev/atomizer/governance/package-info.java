/**
 * <b>Internal.</b> The governance of changes: the hooks' and verify's checks, one class per governance rule, approvals and merges. The front ends never use it: they go through the façade.
 */
package dev.atomizer.governance;
