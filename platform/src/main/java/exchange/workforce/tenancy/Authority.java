package exchange.workforce.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * A local authority as DfE publishes it. {@code active} is false for authorities that were reorganised
 * away (their codes stay resolvable, since older statistics use them). {@code jointReturnCode} names the joint
 * return DfE publishes the authority's figures in, where it does. {@code established} and {@code abolished} are the
 * dates a reorganisation created or ended it (null: before the data begins, or still in being), and
 * {@code predecessors} the authorities it replaced (schemas/reference/authorities.csv).
 */
@Serdeable
public record Authority(String code, String dfeNumber, String name, String regionCode, @Nullable String subRegion,
                        int firstPublishedYear, int lastPublishedYear, boolean active,
                        @Nullable String jointReturnCode, @Nullable LocalDate established, @Nullable LocalDate abolished,
                        List<String> predecessors) {

    /** Whether the authority existed on {@code day} (it exists from its establishment until the day it was abolished). */
    public boolean existedOn(LocalDate day) {
        return (established == null || !established.isAfter(day)) && (abolished == null || abolished.isAfter(day));
    }
}
