package dev.atomizer.git;

/**
 * What a commit's signature proves, against a set of {@link TrustedKeys}.
 *
 * @param status  unsigned, made by a trusted key, made by another key, or not verifiable
 * @param format  {@code ssh} or {@code openpgp} ({@code x509}, …), null when unsigned
 * @param signer  the owner of the trusted key that made it (TRUSTED), or whose key it claims (BAD), else null
 * @param key     the signing key's fingerprint as the verifier reports it, or null
 * @param detail  why a BAD signature does not verify, else null
 */
public record CommitSignature(Status status, String format, String signer, String key, String detail) {

    public enum Status {
        UNSIGNED,
        TRUSTED,
        UNTRUSTED,
        BAD
    }

    public static final CommitSignature UNSIGNED = new CommitSignature(Status.UNSIGNED, null, null, null, null);

    /** True when one of the trusted keys made this signature and it verifies. */
    public boolean by(String owner) {
        return status == Status.TRUSTED && owner.equals(signer);
    }
}
