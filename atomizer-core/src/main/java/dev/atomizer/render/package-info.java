/**
 * <b>API.</b> The output formats of diagnostics (text, json, github, sarif, markdown), which the front ends choose by name. The front ends (the command line, the Maven plugin, the MCP server) may use it.
 */
@NullMarked
package dev.atomizer.render;

import org.jspecify.annotations.NullMarked;
