package dev.atomizer.report.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import dev.atomizer.AtomizerException;
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
    static final String FAMILY = "Liberation Sans";

    /**
     * Lists and quotes nested deeper than this are drawn as one paragraph of their text: the
     * layout recurses once per level, and a report may carry any depth (a Detail from the log, a
     * team's template), while no reader follows a list 13 levels deep.
     */
    static final int MAX_DEPTH = 12;

    private static final String CSS = "@page { size: A4; margin: 18mm 16mm; }"
            + " body { font-family: '" + FAMILY + "'; font-size: 10pt; line-height: 1.35; }"
            + " h1 { font-size: 17pt; } h2 { font-size: 13pt; margin-top: 14pt; } h3 { font-size: 11pt; }"
            + " table { border-collapse: collapse; width: 100%; margin: 6pt 0; }"
            + " th, td { border: 0.5pt solid #999; padding: 2pt 4pt; font-size: 8.5pt; vertical-align: top; }"
            + " th { background: #eee; } code { font-family: '" + FAMILY + "'; }"
            + " .banner { color: #777; font-size: 7pt; }";

    private PdfExport() {
    }

    /**
     * The PDF of a report.
     *
     * @param markdown the report as written (its first line, the banner comment, becomes a small note)
     * @param title    the PDF's title
     */
    public static byte[] pdf(String markdown, String title) throws AtomizerException {
        try {
            byte[] font = font();
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
            try {
                String html = html(markdown, title, ttf);
                XRLog.setLoggingEnabled(false); // openhtmltopdf logs every font and image it meets
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PdfRendererBuilder b = new PdfRendererBuilder();
                b.useFastMode();
                b.withProducer("atomizer");
                for (int weight : new int[] {400, 700}) {
                    b.useFont(() -> new ByteArrayInputStream(font), FAMILY, weight,
                            BaseRendererBuilder.FontStyle.NORMAL, true);
                }
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
                boolean nests = c instanceof org.commonmark.node.ListBlock || c instanceof org.commonmark.node.BlockQuote;
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

    /** The XHTML the PDF is made from (well-formed: commonmark escapes raw HTML and text). */
    static String html(String markdown, String title, TrueTypeFont ttf) throws IOException {
        String md = markdown;
        String banner = null;
        if (md.startsWith("<!--")) {
            int nl = md.indexOf('\n');
            String first = nl < 0 ? md : md.substring(0, nl);
            banner = first.replaceFirst("^<!--\\s*", "").replaceFirst("\\s*-->\\s*$", "");
            md = nl < 0 ? "" : md.substring(nl + 1);
        }
        List<org.commonmark.Extension> ext = List.of(TablesExtension.create());
        Parser parser = Parser.builder().extensions(ext).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(ext).escapeHtml(true).build();
        StringBuilder sb = new StringBuilder();
        sb.append("<html><head><meta charset=\"UTF-8\" /><title>").append(escape(title)).append("</title><style>")
                .append(CSS).append("</style></head><body>");
        if (banner != null) {
            sb.append("<p class=\"banner\">").append(escape(banner)).append("</p>");
        }
        org.commonmark.node.Node doc = parser.parse(md);
        flattenDeep(doc);
        textForImages(doc);
        sb.append(renderer.render(doc));
        sb.append("</body></html>");
        return printable(sb.toString(), ttf);
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

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] font() throws IOException {
        try (InputStream in = PdfExport.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IOException("the font " + FONT + " is missing from PDFBox");
            }
            return in.readAllBytes();
        }
    }
}
