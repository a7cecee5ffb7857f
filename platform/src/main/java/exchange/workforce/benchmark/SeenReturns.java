package exchange.workforce.benchmark;

import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.measures.Symbol;
import exchange.workforce.tenancy.Authority;
import exchange.workforce.visibility.Visibility;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Councils' returns as one viewer may read them, by {@link Visibility}: the viewer's own and its memorandum's members'
 * latest versions, named; anyone else's only as released, only where DfE has published nothing for the council in the
 * period (DfE's figure is public, a council's own return is not), and only as part of its whole memorandum's released
 * returns of at least the memorandum's small-count threshold ({@link #protect}). The one way benchmarks, series and
 * forecasts read returns. Figures a council keeps inside itself (the catalogue's "sharing": "council", by team and
 * office) are its own alone unless it shares them with its memorandum, and never released.
 */
final class SeenReturns {

    /** Why an outsider's figure holds no council's own return. */
    static final String WITHHELD = "WITHHELD";

    private final Visibility.Viewer viewer;
    private final BenchmarkData data;
    private final Set<String> named;
    private final java.util.function.ToIntFunction<String> thresholdOfRegion;

    /** @param thresholdOfRegion a region's memorandum's small-count threshold ({@link Visibility.Thresholds#ofRegion}) */
    SeenReturns(Visibility.Viewer viewer, BenchmarkData data, java.util.function.ToIntFunction<String> thresholdOfRegion) {
        this.viewer = viewer;
        this.data = data;
        this.thresholdOfRegion = thresholdOfRegion;
        // an authority a named one replaced is its history: Cumbria's figures are named to Cumberland's memorandum
        Set<String> all = new HashSet<>(viewer.named());
        new ArrayList<>(all).forEach(code -> all.addAll(data.history().predecessorsOf(code)));
        this.named = Set.copyOf(all);
    }

    Visibility.Viewer viewer() {
        return viewer;
    }

    /** Whether the viewer sees the unit by name (and its latest return). */
    boolean named(Group.Unit unit) {
        return named.containsAll(unit.authorities());
    }

    /** Whether the authority is named to the viewer (its predecessors with it). */
    boolean named(String authority) {
        return named.contains(authority);
    }

    /** The unit's return for the period as this viewer may read it (empty: none, or none for them). */
    Map<String, BenchmarkData.Figure> of(MeasureCatalogue.Measure measure, String period, Group.Unit unit) {
        if (measure.keptInsideTheCouncil()) {
            return keptFigures(period, unit);
        }
        if (named(unit)) {
            return data.returnOf(period, unit.code());
        }
        return data.reports(measure.inputs().get(0), period, unit.code()) ? Map.of() : data.releasedOf(period, unit.code());
    }

    /**
     * The unit's return for a breakdown: the viewer's own as it stands, anyone else's (memorandum members too) as
     * released, each then protected by {@link DisclosureControl}.
     */
    Map<String, BenchmarkData.Figure> breakdownOf(MeasureCatalogue.Measure measure, String period, Group.Unit unit) {
        if (measure.keptInsideTheCouncil()) {
            return keptFigures(period, unit);
        }
        return own(unit) ? data.returnOf(period, unit.code()) : data.releasedOf(period, unit.code());
    }

    /**
     * Figures a council keeps inside itself (by team and office): to the council, and to its memorandum (named) only
     * where every council of the unit has chosen to share them; never released, so never in an outsider's figure.
     */
    private Map<String, BenchmarkData.Figure> keptFigures(String period, Group.Unit unit) {
        boolean shared = named(unit) && data.sharingTeamFigures().containsAll(unit.authorities());
        return own(unit) || shared ? data.returnOf(period, unit.code()) : Map.of();
    }

    private boolean own(Group.Unit unit) {
        return viewer.caller().authorityCode().map(unit.authorities()::contains).orElse(false);
    }

    /** Whether the viewer may know the authority has a return for the period (decides whether it stands alone or in a joint return). */
    boolean hasReturn(String period, String authority) {
        return !(named(authority) ? data.returnOf(period, authority) : data.releasedOf(period, authority)).isEmpty();
    }

    /**
     * The units' figures with every outsider's return withheld unless the figures hold its whole memorandum's
     * released returns of the measure, at least its threshold of them: no figure an outsider reads is one council's
     * return, nor the difference of two figures (England less a region, a region less a neighbour).
     */
    List<BenchmarkCalculator.UnitFigure> protect(MeasureCatalogue.Measure measure, String period, List<BenchmarkCalculator.UnitFigure> units) {
        Map<String, Set<String>> inGroup = new HashMap<>();
        for (BenchmarkCalculator.UnitFigure unit : units) {
            if (outsidersReturn(unit) && unit.counted()) {
                unit.unit().authorities().forEach(a -> inGroup.computeIfAbsent(regionOf(a), r -> new HashSet<>()).add(a));
            }
        }
        if (inGroup.isEmpty()) {
            return units;
        }
        Set<String> whole = new HashSet<>();
        inGroup.forEach((region, present) -> {
            Set<String> contributors = contributors(measure, period, region);
            if (present.containsAll(contributors) && contributors.size() >= thresholdOfRegion.applyAsInt(region)) {
                whole.add(region);
            }
        });
        List<BenchmarkCalculator.UnitFigure> protectedUnits = new ArrayList<>();
        for (BenchmarkCalculator.UnitFigure unit : units) {
            boolean withheld = outsidersReturn(unit) && unit.unit().authorities().stream().map(this::regionOf).anyMatch(r -> !whole.contains(r));
            protectedUnits.add(withheld ? new BenchmarkCalculator.UnitFigure(unit.unit(), null, Symbol.SUPPRESSED, WITHHELD,
                    FigureSource.RETURN, null, null, 0) : unit);
        }
        return protectedUnits;
    }

    /** An outsider's view of a council's own return: shown only inside group figures, never as the council's row. */
    boolean outsidersReturn(BenchmarkCalculator.UnitFigure unit) {
        return unit.source() == FigureSource.RETURN && !named(unit.unit());
    }

    /** Every authority of the region whose released return an outsider would count for the measure in the period. */
    private Set<String> contributors(MeasureCatalogue.Measure measure, String period, String region) {
        Set<String> found = new HashSet<>();
        if (measure.keptInsideTheCouncil()) {
            return found; // never released: no outsider's figure holds them
        }
        for (Map.Entry<String, Map<String, BenchmarkData.Figure>> entry : data.released().getOrDefault(period, Map.of()).entrySet()) {
            String authority = entry.getKey();
            if (!region.equals(regionOf(authority)) || named(authority) || data.reports(measure.inputs().get(0), period, authority)) {
                continue;
            }
            boolean counted = measure.inputs().stream().allMatch(input -> {
                BenchmarkData.Figure f = entry.getValue().get(input + "|");
                return f != null && f.value() != null;
            });
            if (counted) {
                found.add(authority);
            }
        }
        return found;
    }

    private String regionOf(String authority) {
        return data.history().byCode(authority).map(Authority::regionCode).orElse("");
    }
}
