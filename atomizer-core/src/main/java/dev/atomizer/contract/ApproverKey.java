package dev.atomizer.contract;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The key an approver signs approvals with, from the {@code Key} column of the Approvers table:
 * an OpenSSH public key line ({@code ssh-ed25519 AAAA… comment}) or an OpenPGP fingerprint.
 *
 * @param kind  SSH or OpenPGP
 * @param value SSH: {@code <type> <base64>} without the comment; OpenPGP: 40 lowercase hex digits
 */
public record ApproverKey(Kind kind, String value) {

    public enum Kind {
        SSH,
        OPENPGP
    }

    /** The OpenSSH key types git can sign with. */
    static final List<String> SSH_TYPES = List.of(
            "ssh-ed25519",
            "ssh-rsa",
            "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521",
            "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com");

    /**
     * Reads a Key cell.
     *
     * @throws IllegalArgumentException with what is wrong, for the contract's error
     */
    public static ApproverKey parse(String cell) {
        String c = cell.trim();
        String compact = c.replace(" ", "");
        if (compact.matches("(?i)(0x)?[0-9a-f]+")) {
            String hex = compact.replaceFirst("(?i)^0x", "").toLowerCase(Locale.ROOT);
            if (hex.length() != 40) {
                throw new IllegalArgumentException(
                        "an OpenPGP fingerprint has 40 hex digits, this one has " + hex.length());
            }
            return new ApproverKey(Kind.OPENPGP, hex);
        }
        String[] parts = c.split("\\s+");
        if (!SSH_TYPES.contains(parts[0])) {
            throw new IllegalArgumentException("expected an OpenSSH public key line ('ssh-ed25519 AAAA… comment', "
                    + "also ssh-rsa and ecdsa-sha2-*) or an OpenPGP fingerprint (40 hex digits)");
        }
        if (parts.length < 2) {
            throw new IllegalArgumentException("the " + parts[0] + " key has no base64 key data after its type");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + parts[0] + " key data is not valid base64");
        }
        if (!parts[0].equals(typeOf(blob))) {
            throw new IllegalArgumentException(
                    "the key data is not a " + parts[0] + " key (copy the whole line of the .pub file)");
        }
        return new ApproverKey(Kind.SSH, parts[0] + " " + parts[1]);
    }

    /** The key type an OpenSSH public key blob begins with (a length-prefixed string), or null. */
    private static String typeOf(byte[] blob) {
        if (blob.length < 4) {
            return null;
        }
        int n = ByteBuffer.wrap(blob, 0, 4).getInt();
        if (n <= 0 || n > blob.length - 4) {
            return null;
        }
        return new String(blob, 4, n, StandardCharsets.US_ASCII);
    }

    /** How diagnostics name the key: SSH type, or OpenPGP and the fingerprint. */
    public String label() {
        return kind == Kind.SSH
                ? value.substring(0, value.indexOf(' ')) + " key"
                : "OpenPGP key " + value.toUpperCase(Locale.ROOT);
    }
}
