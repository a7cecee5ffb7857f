package exchange.workforce.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A local authority as DfE publishes it. {@code active} is false for authorities that were reorganised
 * away (their codes stay resolvable, since older statistics use them). {@code jointReturnCode} names the joint
 * return DfE publishes the authority's figures in, where it does.
 */
@Serdeable
public record Authority(String code, String dfeNumber, String name, String regionCode, @Nullable String subRegion,
                        int firstPublishedYear, int lastPublishedYear, boolean active,
                        @Nullable String jointReturnCode) {
}
