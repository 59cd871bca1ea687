/**
 * <b>API.</b> The shared vocabulary of the façade's inputs and results: {@code Workspace}, {@code Diagnostic}, {@code Severity}, {@code FileSummary}, the rule catalog, {@code AtomizerException}. The front ends (the command line, the Maven plugin, the MCP server) may use it.
 */
@NullMarked
package dev.atomizer.api;

import org.jspecify.annotations.NullMarked;
