package dev.atomizer.derive;

import dev.atomizer.state.Entry;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.function.Predicate;

/** Tokens and cost (the {@code tokens} and {@code cost_usd} metrics) summed over some entries. */
public record Burn(long tokens, BigDecimal cost, int entries) {

    public static final Burn ZERO = new Burn(0, BigDecimal.ZERO, 0);

    public Burn plus(Entry e) {
        BigDecimal c = e.decimal("cost_usd");
        return new Burn(tokens + e.count("tokens"), c == null ? cost : cost.add(c), entries + 1);
    }

    /** The burn of the entries that match, between {@code from} (inclusive) and {@code to} (inclusive). */
    public static Burn of(Iterable<Entry> entries, LocalDateTime from, LocalDateTime to, Predicate<Entry> filter) {
        Burn b = ZERO;
        for (Entry e : entries) {
            if (!e.time().isBefore(from) && !e.time().isAfter(to) && filter.test(e)) {
                b = b.plus(e);
            }
        }
        return b;
    }
}
