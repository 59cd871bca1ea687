package dev.atomizer.api;

/**
 * One rollout gate (G1–G6) as {@code gates} shows it: its id, its name, whether it passed and the
 * evidence, one line.
 */
public record Gate(String id, String name, boolean passed, String evidence) {}
