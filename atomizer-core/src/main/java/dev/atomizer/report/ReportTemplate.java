package dev.atomizer.report;

import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.SpecMustacheFactory;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.IterableCode;
import com.github.mustachejava.codes.NotIterableCode;
import com.github.mustachejava.codes.ValueCode;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.derive.Md;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report template: Mustache (mustache.java), with values escaped for markdown rather than HTML.
 *
 * <p>{@code {{name}}} inserts a value made safe for one line of markdown ({@link Md#inline}: '|'
 * escaped, line breaks joined, '&lt;' and '&gt;' neutralised); {@code {{{name}}}} inserts it as
 * it is. Sections iterate lists; inverted sections render when a list is empty. Whitespace follows
 * the Mustache specification: a line holding only a section tag leaves no line behind.
 *
 * <p>A template that does not parse, uses a name the report does not provide, or uses partials
 * or inheritance (a template is one self-contained file) is refused with one line naming the file
 * and the line.
 */
public final class ReportTemplate {

    private final String path;
    private final Mustache mustache;

    private ReportTemplate(String path, Mustache mustache) {
        this.path = path;
        this.mustache = mustache;
    }

    /**
     * Compiles a template and checks every name it uses against {@code names}.
     *
     * @param path how the template is named in messages (its path in the repository, or the built-in one)
     */
    public static ReportTemplate compile(String text, String path, TemplateNames names) throws AtomizerException {
        String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
        source = source.replace("\r\n", "\n").replace('\r', '\n');
        Factory factory = new Factory();
        Mustache m;
        try {
            m = factory.compile(new StringReader(source), path);
        } catch (MustacheException e) {
            throw error(path, e);
        } catch (RuntimeException e) {
            throw new AtomizerException(
                    path + ": broken template: " + e.getMessage() + " (fix the template or delete"
                            + " it to use the built-in one)",
                    e);
        }
        check(path, m.getCodes(), factory.lines, new ArrayDeque<>(List.of(names)));
        return new ReportTemplate(path, m);
    }

    /** Renders the template over a model of strings, lists of maps and booleans. */
    public String render(Map<String, Object> model) throws AtomizerException {
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, model).flush();
        } catch (MustacheException e) {
            throw error(path, e);
        } catch (IOException e) {
            throw new AtomizerException(path + ": cannot render: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static AtomizerException error(String path, MustacheException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = msg.lastIndexOf(" @[");
        if (at >= 0) {
            msg = msg.substring(0, at);
        }
        TemplateContext tc = e.getContext();
        String where = tc != null && tc.line() > 0 ? path + ":" + tc.line() : path;
        return new AtomizerException(
                where + ": broken template: " + msg.replace(" in " + path + ":", " at line ")
                        + " (fix the template or delete it to use the built-in one)",
                e);
    }

    /** Every value and section names something the report provides, in the scopes open where it is used. */
    private static void check(String path, Code[] codes, Map<Code, Integer> lines, Deque<TemplateNames> scopes)
            throws AtomizerException {
        if (codes == null) {
            return;
        }
        for (Code c : codes) {
            boolean value = c instanceof ValueCode;
            boolean section = c instanceof IterableCode || c instanceof NotIterableCode;
            if (!value && !section) {
                continue;
            }
            TemplateNames found = resolve(c.getName(), scopes);
            Integer line = lines.get(c);
            String where = path + (line == null ? "" : ":" + line);
            if (found == null) {
                throw new AtomizerException(where + ": unknown name '" + c.getName() + "' in the template; known here: "
                        + scopes.peek().known() + (scopes.size() > 1 ? " (and those of enclosing sections)" : ""));
            }
            if (value && found.isList()) {
                throw new AtomizerException(where + ": '" + c.getName() + "' is a list: use it as a section, {{#"
                        + c.getName() + "}}…{{/" + c.getName() + "}}");
            }
            if (c instanceof IterableCode && found.isList()) {
                scopes.push(found);
                check(path, c.getCodes(), lines, scopes);
                scopes.pop();
            } else {
                check(path, c.getCodes(), lines, scopes);
            }
        }
    }

    private static TemplateNames resolve(String name, Deque<TemplateNames> scopes) {
        if (name == null) {
            return null;
        }
        String[] parts = name.split("\\.", -1);
        TemplateNames found = null;
        for (TemplateNames s : scopes) { // innermost first, as Mustache looks names up
            found = s.get(parts[0]);
            if (found != null) {
                break;
            }
        }
        for (int i = 1; i < parts.length && found != null; i++) {
            found = found.get(parts[i]);
        }
        return found;
    }

    /** Mustache as the specification says, markdown escaping, one file, and where each tag is. */
    private static final class Factory extends SpecMustacheFactory {
        final Map<Code, Integer> lines = new IdentityHashMap<>();

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(Md.inline(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public MustacheVisitor createMustacheVisitor() {
            return new Visitor(this);
        }
    }

    private static final class Visitor extends DefaultMustacheVisitor {
        private final Factory factory;

        Visitor(Factory factory) {
            super((DefaultMustacheFactory) factory);
            this.factory = factory;
        }

        private void mark(TemplateContext tc) {
            factory.lines.put(list.get(list.size() - 1), tc.line());
        }

        @Override
        public void value(TemplateContext tc, String variable, boolean encoded) {
            super.value(tc, variable, encoded);
            mark(tc);
        }

        @Override
        public void iterable(TemplateContext tc, String variable, Mustache mustache) {
            super.iterable(tc, variable, mustache);
            mark(tc);
        }

        @Override
        public void notIterable(TemplateContext tc, String variable, Mustache mustache) {
            super.notIterable(tc, variable, mustache);
            mark(tc);
        }

        @Override
        public void partial(TemplateContext tc, String variable, String indent) {
            throw new MustacheException(
                    "partials ({{>" + variable + "}}) are not supported: a report template is" + " one file", tc);
        }

        @Override
        public void dynamicPartial(TemplateContext tc, String variable, String indent) {
            partial(tc, variable, indent);
        }

        @Override
        public void extend(TemplateContext tc, String variable, Mustache mustache) {
            throw new MustacheException(
                    "template inheritance ({{<" + variable + "}}) is not supported: a report" + " template is one file",
                    tc);
        }

        @Override
        public void name(TemplateContext tc, String variable, Mustache mustache) {
            throw new MustacheException(
                    "blocks ({{$" + variable + "}}) are not supported: a report template is one" + " file", tc);
        }

        @Override
        public void checkName(TemplateContext tc, String variable, Mustache mustache) {
            name(tc, variable, mustache);
        }

        @Override
        public void pragma(TemplateContext tc, String pragma, String args) {
            throw new MustacheException("pragmas ({{%" + pragma + "}}) are not supported", tc);
        }
    }
}
