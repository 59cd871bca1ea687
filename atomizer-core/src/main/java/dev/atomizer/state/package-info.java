/**
 * <b>Internal.</b> The log folded into entries, tracks and studies: the state every derived file reads. The front ends never use it: they go through the façade.
 */
package dev.atomizer.state;
