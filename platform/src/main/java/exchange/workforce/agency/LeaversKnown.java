package exchange.workforce.agency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How far the platform knows the region's permanent leavers, which is how far "no cooling-off applies" can be trusted:
 * the leavers the region's councils recorded in the 12 months to a day, beside the permanent leavers DfE's latest
 * census counted in the region's councils in a year. Only a share rounded to the nearest 10% is ever said, and only
 * where at least {@link #LEAST_COUNCILS} councils have a census figure, so no council's own recording can be worked out
 * by subtraction.
 *
 * @param censusYear the census year (to 30 September) of DfE's figure
 * @param census     permanent leavers (headcount) DfE counted in the region's councils that year
 * @param councils   how many of the region's councils that figure covers
 * @param recorded   permanent leavers the region's councils recorded on the platform in the 12 months to {@code to}
 */
record LeaversKnown(int censusYear, BigDecimal census, int councils, long recorded, LocalDate to) {

    static final int LEAST_COUNCILS = 3;

    /** The recorded leavers as a share of the census's, to the nearest 10%; empty where it cannot be said safely. */
    Optional<Integer> percentOfCensus() {
        if (councils < LEAST_COUNCILS || census.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal tens = BigDecimal.valueOf(recorded).multiply(BigDecimal.TEN).divide(census, 0, RoundingMode.HALF_UP);
        return Optional.of(tens.intValueExact() * 10);
    }

    /** The sentence the cooling-off answer adds: how much of the region's leaving the platform has been told of. */
    Optional<String> sentence() {
        String counted = census.setScale(0, RoundingMode.HALF_UP).toPlainString() + " in the year to 30 September " + censusYear;
        return percentOfCensus().map(percent -> "In the 12 months to " + exchange.workforce.web.GovukDates.format(to)
                + " your region's councils recorded " + (recorded == 0 ? "no permanent leavers; DfE's census counted " + counted
                : (percent == 0 ? "fewer than 5%" : percent >= 100 ? "as many" : "about " + percent + "%")
                + (percent >= 100 ? " permanent leavers as" : " as many permanent leavers as") + " DfE's census counts in a year ("
                + counted + ")") + (percent >= 100 ? "." : ", so a leaving may well be unknown here."));
    }
}
