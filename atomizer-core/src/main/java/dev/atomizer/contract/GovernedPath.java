package dev.atomizer.contract;

/** One row of the Governed paths table: a glob relative to the repository root and its policy. */
public record GovernedPath(String pattern, Policy policy, String meaning) {}
