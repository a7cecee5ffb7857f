package exchange.workforce.published;

import exchange.workforce.measures.Symbol;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/**
 * A published figure: {@code value}, or null with the DfE {@code symbol} that stands in its place; {@code revised}
 * when a later publication changed it, with every earlier value in {@code revisions}, oldest first.
 */
@Serdeable
public record PublishedStatistic(String publication, String timePeriod, String geographicLevel, String areaCode,
                                 String areaName, String measure, @Nullable BigDecimal value, @Nullable Symbol symbol,
                                 String source, boolean revised, java.util.List<Revision> revisions) {

    /** An earlier value of the figure, and the publication (file) and import it came from. */
    @Serdeable
    public record Revision(@Nullable BigDecimal value, @Nullable Symbol symbol, String publication, java.time.OffsetDateTime importedAt) {
    }
}
