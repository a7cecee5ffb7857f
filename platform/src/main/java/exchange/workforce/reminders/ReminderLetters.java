package exchange.workforce.reminders;

import exchange.workforce.contacts.Contact;
import exchange.workforce.returns.PeriodType;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words of each reminder, as a council officer would write them: what is due, when, where to do it, and why they
 * are told. Never a worker's name or registration number: a reference request is named by the council asking and the
 * role; an assignment by the council's own reference and role type.
 */
final class ReminderLetters {

    private static final DateTimeFormatter GOVUK = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private ReminderLetters() {
    }

    record Letter(String subject, String body) {
    }

    static Letter returnDue(Contact to, String council, String region, PeriodType type, String period, LocalDate dueOn, String site) {
        String what = council + "'s workforce return for the " + type.words() + " " + period;
        return new Letter("Reminder: " + what + " is due on " + GOVUK.format(dueOn),
                greeting(to) + what + " is due on " + GOVUK.format(dueOn) + " under the " + region + " memorandum. It has not "
                        + "been submitted yet.\n\nSubmit it, or check it first, at " + site + "/returns\n\n"
                        + because(council, "workforce returns"));
    }

    static Letter returnOverdue(Contact to, String council, String region, PeriodType type, String period, LocalDate dueOn, String site) {
        String what = council + "'s workforce return for the " + type.words() + " " + period;
        return new Letter("Overdue: " + what + " was due on " + GOVUK.format(dueOn),
                greeting(to) + what + " was due on " + GOVUK.format(dueOn) + " under the " + region + " memorandum and has not "
                        + "arrived. Until it does, your region's figures for the period leave " + council + " out.\n\nSubmit it at "
                        + site + "/returns\n\n" + because(council, "workforce returns"));
    }

    static Letter referenceDue(Contact to, String council, String requester, String role, LocalDate dueOn, boolean overdue,
                               String requestId, String site) {
        String when = overdue ? "was due on " + GOVUK.format(dueOn) : "is due on " + GOVUK.format(dueOn);
        return new Letter((overdue ? "Overdue: " : "Reminder: ") + "a reference request from " + requester + " " + when,
                greeting(to) + requester + " asked " + council + " for a reference for a " + role + ". It " + when
                        + " and has not been answered.\n\nProvide it, or decline it saying why, at " + site + "/references/requests/"
                        + requestId + "\n\n" + because(council, "references"));
    }

    static Letter assignmentEnding(Contact to, String council, String reference, String roleType, LocalDate plannedEnd,
                                   String assignmentId, String site) {
        return new Letter("Reminder: an agency assignment (" + reference + ") is planned to end on " + GOVUK.format(plannedEnd),
                greeting(to) + "The agency assignment " + council + " recorded as " + reference + " (" + roleType + ") is planned to end "
                        + "on " + GOVUK.format(plannedEnd) + ". If it is ending, record the actual end and how it ended; if it is "
                        + "going on, record the new planned end, so that DfE's return and the notice and cooling-off checks stay "
                        + "right.\n\nOpen it at " + site + "/agency/assignments/" + assignmentId + "\n\n"
                        + because(council, "agency compliance"));
    }

    private static String greeting(Contact to) {
        return "Dear " + to.name() + ",\n\n";
    }

    private static String because(String council, String responsibility) {
        return "You get this because " + council + " named you as its contact for " + responsibility + " on Workforce Exchange. "
                + "Your council's workforce lead can change its contacts.\n\nWorkforce Exchange";
    }
}
