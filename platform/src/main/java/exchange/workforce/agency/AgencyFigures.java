package exchange.workforce.agency;

import exchange.workforce.identity.Caller;
import exchange.workforce.measures.Symbol;
import exchange.workforce.returns.Period;
import exchange.workforce.returns.PeriodType;
import exchange.workforce.returns.TemplatePrefill;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue's agency measures counted from a council's register for a period: assignments active in it (in all and by
 * role), those over the cap, and the average hourly charge. Offered to the council (and pre-filled in its return template)
 * to submit with its return, so benchmarks, exports and forecasts treat them as every other submitted figure: the council
 * signs them off, and disclosure control applies where others read them. Spend is not counted here: it is the finance
 * record's figure, typed into the return.
 */
@Singleton
public class AgencyFigures implements TemplatePrefill {

    /** One figure: a catalogue measure, its breakdown ("" for the total), and its value, or a symbol where there is none. */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Figure(String measure, String breakdown, @Nullable BigDecimal value, @Nullable Symbol symbol) {
    }

    /** The figures for a period, with what they cover. */
    @Serdeable
    public record Figures(PeriodType periodType, String period, int assignments, boolean registerEmpty, List<Figure> figures, String note) {
    }

    private final AssignmentRegister register;

    public AgencyFigures(AssignmentRegister register) {
        this.register = register;
    }

    public Figures of(Caller caller, Period period) {
        List<Assignment> all = register.current(caller);
        List<Assignment> active = all.stream().filter(a -> AssignmentRegister.active(a, period)).toList();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("agency_assignments", "", BigDecimal.valueOf(active.size()), null));
        for (RoleType role : RoleType.values()) {
            figures.add(new Figure("agency_assignments", "role=" + role.catalogueRole(),
                    BigDecimal.valueOf(active.stream().filter(a -> a.roleType() == role).count()), null));
        }
        figures.add(new Figure("agency_assignments_over_cap", "", BigDecimal.valueOf(active.stream().filter(AgencyFigures::overCap).count()), null));
        figures.add(active.isEmpty() ? new Figure("agency_average_hourly_charge", "", null, Symbol.NOT_APPLICABLE)
                : new Figure("agency_average_hourly_charge", "", active.stream().map(AgencyFigures::hourlyCharge).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(active.size()), 2, RoundingMode.HALF_UP), null));
        String note = (all.isEmpty() ? "Your council has recorded no assignment in the register, so these counts are not its figures: "
                + "the return template is not pre-filled with them. " : "") + "Counted from your council's assignment register: " + active.size() + (active.size() == 1 ? " assignment" : " assignments")
                + " active between " + period.start() + " and " + period.end() + ", each at its latest version. Submit them with your "
                + period.type().words() + " return for " + period.label()
                + " (its template comes pre-filled); agency_spend is your finance records' figure.";
        return new Figures(period.type(), period.label(), active.size(), all.isEmpty(), figures, note);
    }

    /** Nothing for a council that has recorded no assignment at all: its zeros would not be figures. */
    @Override
    public Map<String, String> figures(Caller caller, Period period) {
        if (caller.authorityCode().isEmpty()) {
            return Map.of();
        }
        Figures counted = of(caller, period);
        if (counted.registerEmpty()) {
            return Map.of(); // a council that keeps its register elsewhere: 0 here would be a number that is not its figure
        }
        Map<String, String> values = new LinkedHashMap<>();
        counted.figures().forEach(f -> values.put(f.measure() + "|" + f.breakdown(), f.value() == null ? Symbol.codeOf(f.symbol()) : f.value().toPlainString()));
        return values;
    }

    static boolean overCap(Assignment a) {
        return a.verdicts().stream().anyMatch(v -> "PRICE_CAP".equals(v.rule()) && v.outcome() == Verdict.Outcome.NEEDS_SIGN_OFF);
    }

    /** The agency's whole charge an hour; the capped cost where no charge was recorded. */
    static BigDecimal hourlyCharge(Assignment a) {
        return a.agencyCharge() != null ? a.agencyCharge() : a.cappedCost();
    }
}
