package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryRule;
import java.util.List;

/** Every entry rule, in catalog order. */
public final class Rules {

    private static final List<EntryRule> ALL = List.of(
            new HeadingFormat(), new TimestampInvalid(), new TimestampOrder(), new TimestampFuture(),
            new AgentIdFormat(),
            new UnknownAgent(), new ProjectSlugFormat(), new UnknownProject(), new UnknownEventType(),
            new StatusMissing(), new StatusInvalid(), new SummaryMissing(), new SummaryMultiline(),
            new SummaryTooLong(), new UnknownField(), new DuplicateField(), new FieldOrder(),
            new MetricsFormat(), new MetricsDuplicateKey(), new MetricRequired(), new BlockersMissing(),
            new SeparatorMissing(), new StrayContent(), new ControlCharacter());

    private Rules() {
    }

    public static List<EntryRule> all() {
        return ALL;
    }
}
