package exchange.workforce.published;

import exchange.workforce.adapters.dfe.PublishedRow;
import exchange.workforce.tenancy.ReferenceAuthorities;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which authority a DfE row is about, by every key DfE gives: its ONS code, else its three-digit DfE number
 * ({@code old_la_code}), which DfE keeps when ONS gives a council a new code without a boundary change. A number is
 * read as the authority that carried it on the period's reference day (825 is Buckinghamshire's old county code
 * before April 2020, the unitary's after). A row neither key places is never stored under a code nothing else
 * knows: it is named, with the reason, for the import report.
 */
final class PlacingARow {

    /** Where a row goes: the area code to store it under, and a note when that is not the code DfE's file gives. */
    record Placed(String areaCode, String note) {
    }

    /** A row that could not be placed, in words an operator can act on. */
    record Unplaced(long line, String areaCode, String areaName, String dfeNumber, String reason) {

        String words() {
            return "line " + line + ": " + areaName + " (" + (areaCode.isBlank() ? "no ONS code" : areaCode)
                    + (dfeNumber == null || dfeNumber.isBlank() ? "" : ", DfE number " + dfeNumber) + ") — " + reason;
        }
    }

    private final ReferenceAuthorities reference;
    private final Set<String> codes;

    PlacingARow(ReferenceAuthorities reference) {
        this.reference = reference;
        this.codes = reference.authorities().stream().map(ReferenceAuthorities.Row::gssCode).collect(Collectors.toSet());
    }

    /** The row's place, or why it has none (right for exactly one of them). */
    Optional<Placed> place(PublishedRow row, LocalDate referenceDay, java.util.function.Consumer<Unplaced> unplaced) {
        if (!"Local authority".equals(row.level())) {
            return Optional.of(new Placed(row.areaCode(), null));
        }
        List<String> parts = parts(row.areaCode());
        if (!parts.isEmpty() && codes.containsAll(parts)) {
            return Optional.of(new Placed(row.areaCode(), null));
        }
        List<String> numbers = parts(row.oldLaCode());
        List<Optional<ReferenceAuthorities.Row>> byNumber = numbers.stream().map(n -> carrying(n, referenceDay)).toList();
        if (!numbers.isEmpty() && byNumber.stream().allMatch(Optional::isPresent)) {
            String placed = byNumber.stream().map(a -> a.orElseThrow().gssCode()).collect(Collectors.joining(" / "));
            String name = byNumber.stream().map(a -> a.orElseThrow().name()).collect(Collectors.joining(" / "));
            return Optional.of(new Placed(placed, "line " + row.line() + ": " + row.areaName() + " is " + row.areaCode()
                    + " in DfE's file, a code the reference list does not have; placed by DfE number " + row.oldLaCode() + " as "
                    + name + " (" + placed + ")"));
        }
        unplaced.accept(new Unplaced(row.line(), row.areaCode(), row.areaName(), row.oldLaCode(),
                numbers.isEmpty() ? "an ONS code the reference list does not have, and no DfE number to place it by"
                        : "neither its ONS code nor its DfE number is an authority the reference list has (schemas/reference/authorities.csv)"));
        return Optional.empty();
    }

    /** The authority that carried the DfE number on the day: existing then; else the last to carry it. */
    private Optional<ReferenceAuthorities.Row> carrying(String number, LocalDate day) {
        List<ReferenceAuthorities.Row> withNumber = reference.authorities().stream().filter(a -> a.dfeNumber().equals(number)).toList();
        return withNumber.stream().filter(a -> (a.established() == null || !a.established().isAfter(day))
                        && (a.abolished() == null || a.abolished().isAfter(day))).findFirst()
                .or(() -> withNumber.stream().max(Comparator.comparing((ReferenceAuthorities.Row a) -> a.abolished() == null)
                        .thenComparingInt(ReferenceAuthorities.Row::lastPublishedYear)));
    }

    private static List<String> parts(String codes) {
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(codes.split("/")).map(String::trim).filter(c -> !c.isEmpty()).toList();
    }
}
