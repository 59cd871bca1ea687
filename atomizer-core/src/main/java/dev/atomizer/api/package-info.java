/**
 * <b>API.</b> The shared vocabulary of the façade's inputs and results: {@code Workspace}, {@code Diagnostic}, {@code Severity}, {@code FileSummary}, the rule catalog, {@code AtomizerException}; what the use cases take and give ({@code NewEntry}, {@code Appended}, {@code Checks}, {@code FileOutcome}, {@code Gate}, {@code Alerts}, {@code ReportOutcome}, {@code PublishOptions}, {@code PublishOutcome}, {@code Webhook}). It is the bottom layer: it depends on no other package of core. The front ends (the command line, the Maven plugin, the MCP server) may use it.
 */
@NullMarked
package dev.atomizer.api;

import org.jspecify.annotations.NullMarked;
