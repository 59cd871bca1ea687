package dev.atomizer.log;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;

/**
 * The file is not valid UTF-8. A file-level rule: the reader stops at the first bad byte (CRLF and
 * a byte-order mark are accepted) and reports where ({@link EncodingException}).
 */
@AutoService(Rule.class)
public final class Encoding implements Rule {

    public static final String ID = "encoding";

    private static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, "file")
            .fires("the file is not valid UTF-8 (reported at the first bad byte)")
            .fix("Save the file as UTF-8.")
            .protects("A log every tool reads alike: UTF-8, as git, GitHub and the generators expect.");

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
