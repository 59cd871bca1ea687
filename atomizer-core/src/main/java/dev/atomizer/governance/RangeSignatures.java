package dev.atomizer.governance;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.contract.ApproverKey;
import dev.atomizer.contract.Contract;
import dev.atomizer.git.CommitInfo;
import dev.atomizer.git.CommitSignature;
import dev.atomizer.git.GitRepo;
import dev.atomizer.git.SignatureCheck;
import dev.atomizer.git.TrustedKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signatures of a verify range, read when an approval needs them: a commit's own, and those
 * of the later commits of the range that say {@code Approves: <change request>} and have the
 * commit in their history (a signature covers the signed commit's ancestors, nothing else). Keys
 * are those of the trusted contract governing the commit carrying the change.
 */
public final class RangeSignatures implements AutoCloseable {

    private final GitRepo git;
    private final SignatureCheck check;
    private final List<CommitInfo> range;
    private final List<Approval> trailers = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, CommitSignature> verified = new HashMap<>();

    public RangeSignatures(GitRepo git, List<CommitInfo> range) {
        this.git = git;
        this.check = git.signatures();
        this.range = range;
        for (CommitInfo c : range) {
            index.put(c.id(), trailers.size());
            trailers.add(Approval.parse(c.message()));
        }
    }

    /** The signatures that can carry the approval of {@code commit}, one of the range. */
    public Signatures of(CommitInfo commit) {
        int at = index.get(commit.id());
        return (approver, before) -> evidence(at, approver, before);
    }

    private Signatures.Evidence evidence(int index, String approver, Contract before) throws IOException {
        TrustedKeys keys = trusted(before);
        CommitInfo commit = range.get(index);
        CommitSignature own = signature(commit.id(), keys);
        if (own.by(approver)) {
            return new Signatures.Evidence(true, "signed (" + own.format() + ")", null);
        }
        String cr = trailers.get(index).changeRequest();
        List<String> later = new ArrayList<>();
        for (int i = index + 1; i < range.size(); i++) {
            if (cr == null || !trailers.get(i).approves().contains(cr)) {
                continue;
            }
            CommitInfo l = range.get(i);
            if (!ancestor(commit, l)) {
                // a signature covers the signed commit's history, nothing merged in after it
                later.add("'Approves: " + cr + "' in " + l.shortId() + " does not cover it: " + commit.shortId()
                        + " is not an ancestor of " + l.shortId() + ", so " + approver + " did not sign over it");
                continue;
            }
            CommitSignature s = signature(l.id(), keys);
            if (s.by(approver)) {
                return new Signatures.Evidence(true, "signed in " + l.shortId() + " (Approves: " + cr + ")", null);
            }
            later.add("'Approves: " + cr + "' in " + l.shortId() + " is " + describe(s, approver));
        }
        String why = "the commit is " + describe(own, approver);
        return new Signatures.Evidence(
                false,
                null,
                later.isEmpty()
                        ? why + ", and no later commit of the range signed by " + approver + " says 'Approves: " + cr
                                + "'"
                        : why + "; " + String.join("; ", later));
    }

    /**
     * The signature of {@code commitId} against the keys that name {@code contract}'s agents and
     * approvers ({@link Contract#identityKeys()}): who signed it, for {@code entry-identity} and
     * {@code path-owner}.
     */
    public CommitSignature identity(String commitId, Contract contract) throws IOException {
        Map<String, String> ssh = new LinkedHashMap<>();
        Map<String, String> pgp = new LinkedHashMap<>();
        for (Map.Entry<String, ApproverKey> e : contract.identityKeys().entrySet()) {
            (e.getValue().kind() == ApproverKey.Kind.SSH ? ssh : pgp)
                    .put(e.getKey(), e.getValue().value());
        }
        return signature(commitId, new TrustedKeys(ssh, pgp));
    }

    private boolean ancestor(CommitInfo commit, CommitInfo later) throws IOException {
        try {
            return git.isAncestor(commit.id(), later.id());
        } catch (AtomizerException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String describe(CommitSignature s, String approver) {
        return switch (s.status()) {
            case UNSIGNED -> "unsigned";
            case TRUSTED -> "signed by " + s.signer() + "'s key, not " + approver + "'s";
            case UNTRUSTED -> "signed by a key that is not " + approver + "'s (" + s.format() + " " + s.key() + ")";
            case BAD -> "signed, but its " + s.format() + " signature does not verify (" + s.detail() + ")";
        };
    }

    private CommitSignature signature(String id, TrustedKeys keys) throws IOException {
        String cacheKey = id + '\u0000' + keys;
        CommitSignature s = verified.get(cacheKey);
        if (s == null) {
            try {
                s = check.verify(id, keys);
            } catch (AtomizerException e) {
                throw new IOException(e.getMessage(), e);
            }
            verified.put(cacheKey, s);
        }
        return s;
    }

    /** The keys of {@code contract}'s approvers, by kind. */
    static TrustedKeys trusted(Contract contract) {
        Map<String, String> ssh = new LinkedHashMap<>();
        Map<String, String> pgp = new LinkedHashMap<>();
        for (Map.Entry<String, ApproverKey> e : contract.approverKeys().entrySet()) {
            (e.getValue().kind() == ApproverKey.Kind.SSH ? ssh : pgp)
                    .put(e.getKey(), e.getValue().value());
        }
        return new TrustedKeys(ssh, pgp);
    }

    @Override
    public void close() {
        check.close();
    }
}
