package exchange.workforce.published;

import exchange.workforce.measures.Symbol;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** A published figure: {@code value}, or null with the DfE {@code symbol} that stands in its place. */
@Serdeable
public record PublishedStatistic(String publication, String timePeriod, String geographicLevel, String areaCode,
                                 String areaName, String measure, @Nullable BigDecimal value, @Nullable Symbol symbol,
                                 String source) {
}
