/**
 * <b>API.</b> The façade: {@link dev.atomizer.Atomizer}, every use case of Atomizer, one method each, for the command line, the Maven plugin, the MCP server and the hooks alike. The front ends (the command line, the Maven plugin, the MCP server) may use it.
 */
package dev.atomizer;
