package exchange.workforce.tenancy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * England's authorities through their reorganisations: which existed on a day, and which stood for an authority
 * on a day it did not exist (its predecessors before it was established, its successors after it was abolished).
 * DfE numbers are kept across code changes: 815 is North Yorkshire E10000023 until 31 March 2023, E06000065 after.
 */
public final class AuthorityHistory {

    private final List<Authority> authorities;
    private final Map<String, Authority> byCode;

    public AuthorityHistory(List<Authority> authorities) {
        this.authorities = List.copyOf(authorities);
        this.byCode = authorities.stream().collect(Collectors.toMap(Authority::code, Function.identity(), (a, b) -> a));
    }

    public Optional<Authority> byCode(String code) {
        return Optional.ofNullable(byCode.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /** Every authority that existed on {@code day}, in the region given (null: all of England), by name. */
    public List<Authority> existingOn(LocalDate day, String regionCode) {
        return authorities.stream().filter(a -> a.existedOn(day))
                .filter(a -> regionCode == null || regionCode.equals(a.regionCode()))
                .sorted(Comparator.comparing(Authority::name)).toList();
    }

    /**
     * The authorities that stood on {@code day} for the authority named by ONS code or DfE number: itself if it
     * existed then; else, before it was established, its predecessors, and after it was abolished, its successors
     * (each followed further if need be). Empty if nothing stood for it (a day before any record).
     */
    public List<Authority> standingFor(String codeOrNumber, LocalDate day) {
        String wanted = codeOrNumber.trim().toUpperCase(Locale.ROOT);
        List<Authority> named = authorities.stream().filter(a -> a.code().equals(wanted) || a.dfeNumber().equals(wanted)).toList();
        Optional<Authority> then = named.stream().filter(a -> a.existedOn(day)).findFirst();
        if (then.isPresent()) {
            return List.of(then.get());
        }
        Set<Authority> found = new LinkedHashSet<>();
        named.forEach(a -> follow(a, day, found, new java.util.HashSet<>()));
        return new ArrayList<>(found);
    }

    /** Every authority the one named replaced, and those they replaced, back to the start of the records. */
    public Set<String> predecessorsOf(String code) {
        Set<String> found = new LinkedHashSet<>();
        java.util.Deque<String> next = new java.util.ArrayDeque<>(byCode(code).map(Authority::predecessors).orElse(List.of()));
        while (!next.isEmpty()) {
            String predecessor = next.pop();
            if (found.add(predecessor)) {
                byCode(predecessor).ifPresent(a -> next.addAll(a.predecessors()));
            }
        }
        return found;
    }

    private void follow(Authority authority, LocalDate day, Set<Authority> found, Set<String> seen) {
        if (!seen.add(authority.code())) {
            return;
        }
        if (authority.existedOn(day)) {
            found.add(authority);
            return;
        }
        boolean before = authority.established() != null && day.isBefore(authority.established());
        List<Authority> next = before
                ? authority.predecessors().stream().map(byCode::get).filter(java.util.Objects::nonNull).toList()
                : authorities.stream().filter(a -> a.predecessors().contains(authority.code())).toList();
        next.forEach(a -> follow(a, day, found, seen));
    }
}
