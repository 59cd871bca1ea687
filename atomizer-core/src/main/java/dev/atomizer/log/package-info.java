/**
 * <b>Internal.</b> The log's grammar: streaming line reader, parser, appender and the {@code encoding} rule. The front ends never use it: they go through the façade.
 */
package dev.atomizer.log;
