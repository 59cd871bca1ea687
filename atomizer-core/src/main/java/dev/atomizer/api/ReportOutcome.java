package dev.atomizer.api;

import org.jspecify.annotations.Nullable;

/**
 * What a report command did (weekly, closeout).
 *
 * @param path    the report's path from the root
 * @param written false when it existed already (left unchanged)
 * @param pdf     the PDF's path, or null when none was asked for
 * @param pdfWritten false when the PDF existed already
 * @param supersedes the path a revision supersedes, or null when the report is no revision
 */
public record ReportOutcome(
        String path,
        boolean written,
        @Nullable String pdf,
        boolean pdfWritten,
        @Nullable String supersedes) {

    public ReportOutcome(String path, boolean written, @Nullable String pdf, boolean pdfWritten) {
        this(path, written, pdf, pdfWritten, null);
    }
}
