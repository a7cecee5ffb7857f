package exchange.workforce.agency;

import java.time.LocalDate;

/**
 * Where an assignment stands against the agency rules' transition (DfE statutory guidance, "Child and family social
 * workers: agency rules"): the rules apply to assignments starting on or after 31 October 2024, and to every
 * assignment still running on 1 October 2025.
 */
enum Transition {

    UNDER_THE_RULES("Started under the rules, which apply to assignments starting on or after 31 October 2024."),
    BROUGHT_IN("Began before the rules and ran on into the transition's end: it had to comply from 1 October 2025."),
    ENDED_BEFORE("Began before the rules and ended before 1 October 2025, when they came to apply to it: outside them.");

    static final LocalDate NEW_ASSIGNMENTS_FROM = LocalDate.of(2024, 10, 31);
    static final LocalDate ALL_ASSIGNMENTS_FROM = LocalDate.of(2025, 10, 1);

    private final String words;

    Transition(String words) {
        this.words = words;
    }

    String words() {
        return words;
    }

    static Transition of(Assignment assignment) {
        if (!assignment.startDate().isBefore(NEW_ASSIGNMENTS_FROM)) {
            return UNDER_THE_RULES;
        }
        LocalDate end = assignment.actualEndDate();
        return end != null && end.isBefore(ALL_ASSIGNMENTS_FROM) ? ENDED_BEFORE : BROUGHT_IN;
    }
}
