package dev.atomizer.report.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import dev.atomizer.api.AtomizerException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A report's markdown as a PDF: markdown to XHTML with commonmark (GFM tables), XHTML to
 * PDF with openhtmltopdf. The font is Liberation Sans, which PDFBox ships, embedded; characters it
 * has no glyph for (the RAG emoji, mostly) are left out rather than printed as boxes. The same
 * report gives the same PDF bytes (no timestamps; the document ID is a digest of the report).
 *
 * <p>Nothing outside the report is read: an image the log names ({@code ![x](http://…)},
 * {@code file:///…}) is drawn as its alt text, and no URI resolves, so the same report gives the
 * same bytes on any machine and making the PDF sends no request.
 *
 * <p>Only {@code --pdf} loads this class: openhtmltopdf and PDFBox never load on the hook path.
 */
public final class PdfExport {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** The other faces of the family (openpdf-fonts-extra ships Liberation, SIL Open Font License). */
    static final String BOLD = "/liberation/LiberationSans-Bold.ttf";

    static final String ITALIC = "/liberation/LiberationSans-Italic.ttf";
    static final String BOLD_ITALIC = "/liberation/LiberationSans-BoldItalic.ttf";
    static final String FAMILY = "Liberation Sans";

    /**
     * What heads the first page: the organisation (the contract's {@code Organisation}, or none),
     * the report, and the period it covers (or none).
     */
    public record TitleBlock(String organisation, String report, String period) {}

    /**
     * Lists and quotes nested deeper than this are drawn as one paragraph of their text: the
     * layout recurses once per level, and a report may carry any depth (a Detail from the log, a
     * team's template), while no reader follows a list 13 levels deep.
     */
    static final int MAX_DEPTH = 12;

    private static final String CSS = " body { font-family: '" + FAMILY + "'; font-size: 10pt; line-height: 1.35; }"
            + " h1 { font-size: 17pt; } h2 { font-size: 13pt; margin-top: 14pt; page-break-after: avoid; }"
            + " h3 { font-size: 11pt; page-break-after: avoid; }"
            // rows are never cut across pages, and a table that continues repeats its header row
            + " table { border-collapse: collapse; width: 100%; margin: 6pt 0; -fs-table-paginate: paginate; }"
            + " thead { display: table-header-group; } tr { page-break-inside: avoid; }"
            + " th, td { border: 0.5pt solid #999; padding: 2pt 4pt; font-size: 8.5pt; vertical-align: top; }"
            + " th { background: #eee; font-weight: bold; } code { font-family: '" + FAMILY + "'; }"
            + " .nw { white-space: nowrap; }"
            + " .title-block { border-bottom: 1.5pt solid #1f3a5f; margin-bottom: 10pt; padding-bottom: 6pt; }"
            + " .org { font-size: 10pt; color: #1f3a5f; font-weight: bold; letter-spacing: 0.5pt; margin: 0; }"
            + " .report { font-size: 20pt; font-weight: bold; margin: 2pt 0; }"
            + " .period { font-size: 10pt; color: #444; margin: 0; }"
            + " .met { color: #166534; font-weight: bold; } .missed { color: #b91c1c; font-weight: bold; }"
            + " .green { color: #16a34a; } .amber { color: #d97706; } .red { color: #dc2626; }"
            + " .chart { margin: 6pt 0 10pt 0; page-break-inside: avoid; }"
            + " .chart-title { font-weight: bold; font-size: 9pt; margin: 0 0 4pt 0; }"
            + " table.bars { border-collapse: separate; border-spacing: 3pt 0; -fs-table-paginate: auto; }"
            + " table.bars td { border: 0; padding: 0; vertical-align: bottom; text-align: center; font-size: 7pt; }"
            + " table.bars td.label { vertical-align: top; color: #444; padding-top: 2pt; border-top: 0.5pt solid #444; }"
            + " .bar { background: #3b82f6; margin: 0 auto; width: 70%; }";

    private PdfExport() {}

    /**
     * The PDF of a report.
     *
     * @param markdown the report as written (its first line, the banner comment, becomes a small note)
     * @param title    the PDF's title
     */
    public static byte[] pdf(String markdown, String title) throws AtomizerException {
        return pdf(markdown, new TitleBlock(null, title, null));
    }

    /**
     * The PDF of a report, for a client: a title block, the family's bold and italic faces, status
     * marks as words and coloured dots, no generator banner, rows kept whole with header rows
     * repeated, tokens kept whole, page numbers, and the report's charts drawn.
     */
    public static byte[] pdf(String markdown, TitleBlock block) throws AtomizerException {
        String title = block.report();
        try {
            byte[] font = font(FONT);
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
            try {
                String html = html(markdown, block, ttf);
                XRLog.setLoggingEnabled(false); // openhtmltopdf logs every font and image it meets
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PdfRendererBuilder b = new PdfRendererBuilder();
                b.useFastMode();
                b.withProducer("atomizer");
                b.useFont(
                        () -> new ByteArrayInputStream(font), FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
                byte[] bold = font(BOLD);
                byte[] italic = font(ITALIC);
                byte[] boldItalic = font(BOLD_ITALIC);
                b.useFont(
                        () -> new ByteArrayInputStream(bold), FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
                b.useFont(
                        () -> new ByteArrayInputStream(italic),
                        FAMILY,
                        400,
                        BaseRendererBuilder.FontStyle.ITALIC,
                        true);
                b.useFont(
                        () -> new ByteArrayInputStream(boldItalic),
                        FAMILY,
                        700,
                        BaseRendererBuilder.FontStyle.ITALIC,
                        true);
                // no resource is fetched or read, whatever the markup names
                b.useUriResolver((base, uri) -> null);
                b.withHtmlContent(html, null);
                try (PdfBoxRenderer renderer = b.buildPdfRenderer()) {
                    renderer.layout();
                    try (PDDocument doc = renderer.createPDFKeepOpen()) {
                        reproducible(doc, markdown);
                        doc.save(out);
                    }
                }
                return out.toByteArray();
            } finally {
                ttf.close();
            }
        } catch (IOException | RuntimeException e) {
            throw new AtomizerException("cannot make the PDF of " + title + ": " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            // the depth cap above keeps the layout shallow; anything else this deep is refused in one line
            throw new AtomizerException("cannot make the PDF of " + title + ": the report nests too deep to lay out");
        }
    }

    /**
     * The same markdown gives the same bytes: no creation or modification time (the clock), and a
     * document ID made from the content rather than from the time.
     */
    private static void reproducible(PDDocument doc, String markdown) throws IOException {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setCreationDate(null);
        info.setModificationDate(null);
        byte[] id;
        try {
            id = MessageDigest.getInstance("MD5").digest(markdown.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** Replaces every list or quote nested deeper than {@link #MAX_DEPTH} by a paragraph of its text. */
    static void flattenDeep(org.commonmark.node.Node doc) {
        java.util.ArrayDeque<Object[]> todo = new java.util.ArrayDeque<>();
        todo.push(new Object[] {doc, 0});
        while (!todo.isEmpty()) {
            Object[] top = todo.pop();
            org.commonmark.node.Node node = (org.commonmark.node.Node) top[0];
            int depth = (Integer) top[1];
            for (org.commonmark.node.Node c = node.getFirstChild(); c != null; ) {
                org.commonmark.node.Node next = c.getNext();
                boolean nests =
                        c instanceof org.commonmark.node.ListBlock || c instanceof org.commonmark.node.BlockQuote;
                int d = depth + (nests ? 1 : 0);
                if (nests && d > MAX_DEPTH) {
                    org.commonmark.node.Paragraph p = new org.commonmark.node.Paragraph();
                    p.appendChild(new org.commonmark.node.Text(text(c)));
                    c.insertBefore(p);
                    c.unlink();
                } else {
                    todo.push(new Object[] {c, d});
                }
                c = next;
            }
        }
    }

    /** The literal text under {@code node}, its pieces joined by spaces, without recursion. */
    private static String text(org.commonmark.node.Node node) {
        StringBuilder sb = new StringBuilder();
        java.util.ArrayDeque<org.commonmark.node.Node> todo = new java.util.ArrayDeque<>();
        todo.push(node);
        while (!todo.isEmpty()) {
            org.commonmark.node.Node n = todo.pop();
            if (n instanceof org.commonmark.node.Text t) {
                sb.append(sb.length() == 0 ? "" : " ").append(t.getLiteral());
            } else if (n instanceof org.commonmark.node.Code c) {
                sb.append(sb.length() == 0 ? "" : " ").append(c.getLiteral());
            }
            java.util.List<org.commonmark.node.Node> kids = new java.util.ArrayList<>();
            for (org.commonmark.node.Node k = n.getFirstChild(); k != null; k = k.getNext()) {
                kids.add(k);
            }
            for (int i = kids.size() - 1; i >= 0; i--) {
                todo.push(kids.get(i));
            }
        }
        return sb.toString();
    }

    /**
     * The XHTML the PDF is made from (well-formed: commonmark escapes raw HTML and text). The
     * generator's banner stays in the markdown: a client reads the title block instead, and the
     * report's own first heading, which the title block repeats, is left out.
     */
    static String html(String markdown, TitleBlock block, TrueTypeFont ttf) throws IOException {
        String md = markdown;
        String revision = "";
        if (md.startsWith("> ")) {
            // a revision's first line, what it supersedes and why, stays before the report
            int nl = md.indexOf('\n');
            revision = nl < 0 ? md : md.substring(0, nl + 1);
            md = nl < 0 ? "" : md.substring(nl + 1).stripLeading();
        }
        if (md.startsWith("<!--")) {
            int nl = md.indexOf('\n');
            md = nl < 0 ? "" : md.substring(nl + 1);
        }
        if (!revision.isEmpty()) {
            md = revision + "\n" + md;
        }
        List<org.commonmark.Extension> ext = List.of(TablesExtension.create());
        Parser parser = Parser.builder().extensions(ext).build();
        HtmlRenderer renderer =
                HtmlRenderer.builder().extensions(ext).escapeHtml(true).build();
        org.commonmark.node.Node doc = parser.parse(md);
        org.commonmark.node.Node first = doc.getFirstChild();
        if (first instanceof org.commonmark.node.BlockQuote && !revision.isEmpty()) {
            first = first.getNext();
        }
        if (first instanceof org.commonmark.node.Heading h && h.getLevel() == 1) {
            first.unlink();
        }
        flattenDeep(doc);
        textForImages(doc);
        List<String> charts = PdfCharts.replace(doc);
        StringBuilder sb = new StringBuilder();
        sb.append("<html><head><meta charset=\"UTF-8\" /><title>")
                .append(escape(block.report()))
                .append("</title><style>")
                .append(page(block))
                .append(CSS)
                .append("</style></head><body>");
        sb.append("<div class=\"title-block\">");
        if (block.organisation() != null) {
            sb.append("<p class=\"org\">").append(escape(block.organisation())).append("</p>");
        }
        sb.append("<p class=\"report\">").append(escape(block.report())).append("</p>");
        if (block.period() != null) {
            sb.append("<p class=\"period\">").append(escape(block.period())).append("</p>");
        }
        sb.append("</div>");
        sb.append(PdfCharts.insert(keepTokensWhole(marks(renderer.render(doc))), charts));
        sb.append("</body></html>");
        return printable(sb.toString(), ttf);
    }

    /** Page size and margins, and the footer: the report on the left, "Page n of N" on the right. */
    private static String page(TitleBlock block) {
        String left = (block.organisation() == null ? "" : block.organisation() + " · ") + block.report();
        return "@page { size: A4; margin: 18mm 16mm 20mm 16mm;"
                + " @bottom-left { content: \"" + cssString(left) + "\"; font-family: '" + FAMILY + "';"
                + " font-size: 7.5pt; color: #666; }"
                + " @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); font-family: '" + FAMILY
                + "'; font-size: 7.5pt; color: #666; } }";
    }

    private static String cssString(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Status marks the font has no glyph for, as words and coloured dots: ✅ met, ❌ missed, ⏰ late,
     * ⏳ open, and the RAG circles as a coloured ●.
     */
    static String marks(String html) {
        return html.replace("✅", "<b class=\"met\">met</b>")
                .replace("❌", "<b class=\"missed\">missed</b>")
                .replace("⏰", "<b class=\"missed\">late</b>")
                .replace("⏳", "<b>open</b>")
                .replace("🟢", "<span class=\"green\">●</span>")
                .replace("🟠", "<span class=\"amber\">●</span>")
                .replace("🔴", "<span class=\"red\">●</span>")
                .replace("⚪", "○");
    }

    private static final java.util.regex.Pattern TOKEN =
            java.util.regex.Pattern.compile("[\\p{L}\\p{N}_]+(?:[-/.][\\p{L}\\p{N}_]+)+");

    /**
     * Words joined by hyphens, slashes or dots (task-003, 2026-03-06, technical.md) are kept on one
     * line: the layout would otherwise break them after the joint ("task-" / "003").
     */
    static String keepTokensWhole(String html) {
        StringBuilder out = new StringBuilder(html.length() + 256);
        int i = 0;
        while (i < html.length()) {
            int lt = html.indexOf('<', i);
            int end = lt < 0 ? html.length() : lt;
            java.util.regex.Matcher m = TOKEN.matcher(html.substring(i, end));
            int last = 0;
            String text = html.substring(i, end);
            while (m.find()) {
                out.append(text, last, m.start())
                        .append("<span class=\"nw\">")
                        .append(m.group())
                        .append("</span>");
                last = m.end();
            }
            out.append(text.substring(last));
            if (lt < 0) {
                break;
            }
            int gt = html.indexOf('>', lt);
            out.append(html, lt, gt + 1);
            i = gt + 1;
        }
        return out.toString();
    }

    /** Replaces every image by its alt text in brackets: the PDF reads nothing from a URL or a file. */
    private static void textForImages(org.commonmark.node.Node doc) {
        List<org.commonmark.node.Image> images = new java.util.ArrayList<>();
        doc.accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Image image) {
                images.add(image);
            }
        });
        for (org.commonmark.node.Image image : images) {
            StringBuilder alt = new StringBuilder();
            for (org.commonmark.node.Node n = image.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof org.commonmark.node.Text t) {
                    alt.append(t.getLiteral());
                }
            }
            image.insertBefore(new org.commonmark.node.Text("[image: " + alt + "]"));
            image.unlink();
        }
    }

    /** Leaves out characters the font cannot draw (emoji and their variation selectors). */
    static String printable(String s, TrueTypeFont ttf) throws IOException {
        var cmap = ttf.getUnicodeCmapLookup();
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80 || Character.isWhitespace(cp) || cmap.getGlyphId(cp) != 0) {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /** Text as XHTML character data or an attribute value. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] font(String resource) throws IOException {
        try (InputStream in = PdfExport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the font " + resource + " is missing from the jar");
            }
            return in.readAllBytes();
        }
    }
}
