package dev.atomizer.audit;

import dev.atomizer.git.CommitInfo;
import dev.atomizer.governance.Identity;

/**
 * Which agent wrote which entries in one commit of the range, and how that was checked: by the
 * author e-mail, by the signature, or not at all ({@code Entry identity: off}).
 *
 * @param commit  the commit
 * @param written the entries it first added to the log's history and who made it
 */
public record Authorship(CommitInfo commit, Identity.Written written) {}
