package dev.atomizer.api;

/**
 * What happened to one generated file (a dashboard): its path from the root, and whether it was
 * written (false: its content was already the generator's, left unchanged).
 */
public record FileOutcome(String path, boolean written) {}
