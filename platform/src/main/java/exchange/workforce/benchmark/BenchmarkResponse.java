package exchange.workforce.benchmark;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A benchmark: the group (and on what basis its members were chosen), the period, whether the viewer sees members'
 * names, and one entry per measure. Sources: authorities' own latest returns, else Department for Education,
 * Children's social work workforce (Open Government Licence v3.0).
 */
@Serdeable
public record BenchmarkResponse(GroupInfo group, String period, boolean namesVisible, List<MeasureBenchmark> measures,
                                String sources) {

    @Serdeable
    public record GroupInfo(String spec, String name, String membershipBasis, int members) {
    }
}
