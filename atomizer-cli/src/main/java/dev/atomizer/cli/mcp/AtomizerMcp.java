package dev.atomizer.cli.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomizer.Atomizer;
import dev.atomizer.api.Appended;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.RuleCatalog;
import dev.atomizer.api.Workspace;
import dev.atomizer.derive.Derived;
import dev.atomizer.render.Formats;
import dev.atomizer.report.Reports;
import dev.atomizer.state.Format;
import dev.atomizer.state.Track;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * The MCP server of {@code atomizer mcp}: each tool adapts one use case of the façade, opened
 * anew for every call (the log, the contract and the status file are read as they are then), and
 * each resource is a file of the repository read as it is. The server writes only through
 * {@link Atomizer#append}; it never regenerates a derived file.
 */
public final class AtomizerMcp {

    /** Opens the façade for the repository, with the command line's options laid over it. */
    @FunctionalInterface
    public interface Opener {
        Atomizer open() throws AtomizerException;
    }

    /** The URI scheme of the resources: {@code atomizer:///shared/dashboards/exec-summary.md}. */
    static final String SCHEME = "atomizer:///";

    /** The resource that is always the newest weekly report (its newest revision). */
    static final String LATEST_WEEKLY = SCHEME + "reports/weekly/latest";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final Opener opener;
    private final Path root;
    private final ObjectMapper json = new ObjectMapper();

    private AtomizerMcp(Opener opener, Path root) {
        this.opener = opener;
        this.root = root;
    }

    /** Serves one client on {@code in} and {@code out} until {@code in} ends. */
    public static void serve(Opener opener, Path root, InputStream in, OutputStream out, String version)
            throws AtomizerException {
        AtomizerMcp mcp = new AtomizerMcp(opener, root);
        String schema = opener.open().entrySchema();
        CountDownLatch ended = new CountDownLatch(1);
        JacksonMcpJsonMapper mapper = new JacksonMcpJsonMapper(mcp.json);
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(mapper, new Watched(in, ended), out))
                .serverInfo("atomizer", version)
                .instructions("The project log of this repository: append entries with append_entry (never edit"
                        + " shared/project_log.md by hand); read the state with project_status, open_decisions,"
                        + " alerts and the dashboards' resources.")
                .jsonMapper(mapper)
                .jsonSchemaValidator(new DefaultJsonSchemaValidator(mcp.json))
                // the contract's rules judge an entry, so that a refusal names the rule and its fix
                .validateToolInputs(false)
                .capabilities(McpSchema.ServerCapabilities.builder()
                        .tools(false)
                        .resources(false, false)
                        .build())
                .tools(mcp.tools(schema))
                .resources(mcp.resources())
                .build();
        try {
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.closeGracefully();
        }
    }

    private List<SyncToolSpecification> tools(String entrySchema) throws AtomizerException {
        return List.of(
                tool(
                        "append_entry",
                        "Append one entry to the project log, checked against the contract first (as 'atomizer log'"
                                + " does). Nothing is written when a rule refuses it: the error names the rule and"
                                + " its fix. The entry is stamped with the clock.",
                        parse(entrySchema),
                        this::append),
                tool(
                        "lint",
                        "Lint the project log against the contract: every diagnostic (file:line, rule, severity,"
                                + " message) and the counts, as JSON.",
                        object(Map.of(), List.of()),
                        args -> {
                            Atomizer a = opener.open();
                            Atomizer.LintResult r = a.lint(List.of(a.workspace().log()));
                            ByteArrayOutputStream b = new ByteArrayOutputStream();
                            Formats.write(Formats.create("json", b, root), r.diagnostics(), r.summary());
                            return ok(b.toString(StandardCharsets.UTF_8));
                        }),
                tool(
                        "project_status",
                        "The status report of one project (markdown): RAG, phase, owner, open decisions and"
                                + " delegations, blocked work, studies, the last entries, the planned items.",
                        object(Map.of("project", text("The project's slug")), List.of("project")),
                        args -> ok(Reports.status(root, string(args, "project", true), null))),
                tool(
                        "open_decisions",
                        "The decisions still open, most urgent first (past the K5 target, then holding work up,"
                                + " then the longest open), as JSON; optionally of one project.",
                        object(Map.of("project", text("Only this project's decisions")), List.of()),
                        this::openDecisions),
                tool(
                        "alerts",
                        "What needs attention now, by the wall clock: silence, decisions, blocked work and failures"
                                + " overdue, budgets, a stale exec summary, a weekly report past due; as JSON.",
                        object(Map.of(), List.of()),
                        args -> ok(opener.open().alerts(null).render("json"))));
    }

    /** A tool's handler: its arguments in, its result out; an AtomizerException is a tool error. */
    @FunctionalInterface
    private interface Handler {
        CallToolResult call(Map<String, Object> args) throws AtomizerException;
    }

    private static SyncToolSpecification tool(String name, String description, Map<String, Object> input, Handler h) {
        return SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder(name, input)
                        .description(description)
                        .build())
                .callHandler((exchange, request) -> {
                    Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
                    try {
                        return h.call(args);
                    } catch (AtomizerException e) {
                        return error(String.join("\n", e.lines()));
                    } catch (RuntimeException e) {
                        return error("internal error: " + e + " (please report it with the call you made)");
                    }
                })
                .build();
    }

    private CallToolResult append(Map<String, Object> args) throws AtomizerException {
        Atomizer a = opener.open();
        EntryArguments.Parsed parsed = EntryArguments.parse(args, a.now().format(MINUTE));
        if (parsed.problem() != null) {
            return error("nothing was written: " + parsed.problem());
        }
        Appended r = a.append(parsed.entry(), false, false);
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : r.problems()) {
            lines.add(explained(d));
        }
        if (r.entries() != 1) {
            lines.add("error: the text would be written as " + r.entries() + " entries, not one: detail or blockers"
                    + " holds a closing '---' and an entry heading '## [...]'; indent those lines or put them in a"
                    + " fenced code block");
        }
        if (!r.written()) {
            lines.add(0, "nothing was written to " + r.target() + "; fix the arguments and call append_entry again:");
            return error(String.join("\n", lines));
        }
        lines.add(0, "appended [" + r.stamped() + "] to " + r.target() + ":");
        lines.add(r.text());
        return ok(String.join("\n", lines));
    }

    /** A diagnostic and, on the line after it, its rule's fix: {@code file:line:column: error [rule] message}. */
    static String explained(Diagnostic d) {
        String fix = RuleCatalog.exists(d.rule()) ? RuleCatalog.info(d.rule()).fix() : null;
        return d.toText() + (fix == null ? "" : "\n  fix: " + fix);
    }

    private CallToolResult openDecisions(Map<String, Object> args) throws AtomizerException {
        String project = string(args, "project", false);
        Atomizer a = opener.open();
        java.time.LocalDateTime now = a.now();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Track t : a.openDecisions(now)) {
            if (project != null && !project.equals(t.project())) {
                continue;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", t.name());
            d.put("ref", t.ref());
            d.put("project", t.project());
            d.put("agent", t.first().agent());
            d.put("opened", Format.timestamp(t.since()));
            d.put("open_for", Format.age(t.age(now)));
            d.put("status", t.latest().status());
            d.put("blocked", t.blocked());
            d.put("summary", t.first().summary());
            out.add(d);
        }
        try {
            return ok(json.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        } catch (IOException e) {
            throw new AtomizerException("cannot write the decisions: " + e.getMessage(), e);
        }
    }

    private List<SyncResourceSpecification> resources() {
        List<SyncResourceSpecification> out = new ArrayList<>();
        for (var artifact : Derived.artifacts()) {
            String path = artifact.path();
            out.add(resource(
                    SCHEME + path,
                    path,
                    "The derived file " + path + " as committed in the working tree"
                            + " (made by 'atomizer dashboards'; never regenerated here)",
                    uri -> path));
        }
        out.add(resource(
                LATEST_WEEKLY,
                "latest weekly report",
                "The newest week's weekly report (its latest revision), under " + Workspace.WEEKLY_REPORTS,
                uri -> {
                    try {
                        return Reports.latestWeekly(root);
                    } catch (AtomizerException e) {
                        throw notFound(uri, String.join("; ", e.lines()));
                    }
                }));
        return out;
    }

    private SyncResourceSpecification resource(
            String uri, String name, String description, Function<String, String> pathOf) {
        return new SyncResourceSpecification(
                McpSchema.Resource.builder(uri, name)
                        .description(description)
                        .mimeType("text/markdown")
                        .build(),
                (exchange, request) -> {
                    String path = pathOf.apply(request.uri());
                    if (path == null) {
                        throw notFound(request.uri(), "no weekly report is written yet ('atomizer report weekly')");
                    }
                    byte[] bytes;
                    try {
                        bytes = Workspace.readInside(root, path);
                    } catch (IOException e) {
                        throw notFound(request.uri(), path + " " + e.getMessage());
                    }
                    if (bytes == null) {
                        throw notFound(
                                request.uri(), path + " does not exist; 'atomizer dashboards' writes the dashboards");
                    }
                    return ReadResourceResult.builder(List.of(TextResourceContents.builder(
                                            SCHEME + path, new String(bytes, StandardCharsets.UTF_8))
                                    .mimeType("text/markdown")
                                    .build()))
                            .build();
                });
    }

    private static McpError notFound(String uri, String why) {
        return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                .message(uri + ": " + why)
                .build();
    }

    /** A string argument; null when absent and not required. */
    private static String string(Map<String, Object> args, String name, boolean required) throws AtomizerException {
        Object v = args.get(name);
        if (v == null) {
            if (required) {
                throw new AtomizerException("the argument '" + name + "' is required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw new AtomizerException("the argument '" + name + "' must be a string");
        }
        return s.strip();
    }

    private static CallToolResult ok(String text) {
        return CallToolResult.builder().addTextContent(text).isError(false).build();
    }

    private static CallToolResult error(String text) {
        return CallToolResult.builder().addTextContent(text).isError(true).build();
    }

    private Map<String, Object> parse(String schema) throws AtomizerException {
        try {
            return json.readValue(schema, new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new AtomizerException("cannot read the entry's schema: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("properties", properties);
        s.put("required", required);
        s.put("additionalProperties", false);
        return s;
    }

    private static Map<String, Object> text(String description) {
        return Map.of("type", "string", "description", description);
    }

    /** Standard input, telling when it ends: the client closed it, the server stops. */
    private static final class Watched extends FilterInputStream {
        private final CountDownLatch ended;

        Watched(InputStream in, CountDownLatch ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            try {
                return ended(super.read());
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return ended(super.read(b, off, len));
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        private int ended(int n) {
            if (n < 0) {
                ended.countDown();
            }
            return n;
        }
    }
}
