package dev.atomizer.git;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys a signature may be made with, by owner: who signed is the owner of the key that made
 * the signature, and only a signature by one of these keys names an owner.
 *
 * @param ssh     OpenSSH public keys as {@code <type> <base64>} (no comment), by owner
 * @param openPgp OpenPGP fingerprints, 40 lowercase hex digits, by owner
 */
public record TrustedKeys(Map<String, String> ssh, Map<String, String> openPgp) {

    public static final TrustedKeys NONE = new TrustedKeys(Map.of(), Map.of());

    public TrustedKeys {
        ssh = Collections.unmodifiableMap(new LinkedHashMap<>(ssh));
        openPgp = Collections.unmodifiableMap(new LinkedHashMap<>(openPgp));
    }
}
