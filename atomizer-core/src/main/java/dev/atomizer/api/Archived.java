package dev.atomizer.api;

/**
 * What {@code atomizer archive} did: the archive file it wrote, how many entries it moved there
 * from the log, and whether it committed them (else both files are staged).
 *
 * @param archive   the archive's path in the repository
 * @param entries   the entries moved
 * @param remaining the entries left in the log
 * @param committed true when the archive and the log were committed together
 */
public record Archived(String archive, int entries, int remaining, boolean committed) {}
