package exchange.workforce.reminders;

import exchange.workforce.agency.Assignment;
import exchange.workforce.agency.AssignmentRegister;
import exchange.workforce.audit.AuditAction;
import exchange.workforce.audit.AuditTrail;
import exchange.workforce.contacts.Contact;
import exchange.workforce.contacts.Contacts;
import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Role;
import exchange.workforce.memorandum.Memoranda;
import exchange.workforce.memorandum.Membership;
import exchange.workforce.reference.ReferenceRequest;
import exchange.workforce.reference.ReferenceRequests;
import exchange.workforce.reference.RequestStatus;
import exchange.workforce.returns.SubmissionWindows;
import exchange.workforce.tenancy.Region;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.context.BeanProvider;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * E-mail reminders, on the schedule each region's memorandum administrator sets: members' returns due and overdue
 * (queued and sent by the region), and a council's own reference requests due and agency assignments ending (queued and
 * sent by the council, never seen by its region). Each reminder is queued once — one row per kind, subject and
 * recipient — and sent once; one whose reason went away before it was sent (the return arrived, the request was
 * answered, the end recorded) is cancelled, saying so. The job acts as the region or council it works for, so row-level
 * security applies to it as to a person.
 */
@Singleton
public class Reminders {

    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
    /** An overdue return is chased for this many days after its reminder day at most: enabling reminders does not mail about old periods. */
    static final int CHASE_FOR_DAYS = 30;
    static final List<ReminderKind> REGIONAL = List.of(ReminderKind.RETURN_DUE, ReminderKind.RETURN_OVERDUE);
    static final List<ReminderKind> COUNCIL = List.of(ReminderKind.REFERENCE_DUE, ReminderKind.ASSIGNMENT_ENDING);

    /** A region's outbox: its schedule, whether e-mail is on here, the reminders, and members with no one to send to. */
    @Serdeable
    public record Outbox(ReminderSchedule schedule, boolean mailConfigured, List<Reminder> reminders, List<String> membersWithoutReturnsContact) {
    }

    /** What one run did, for the log and the tests. */
    public record Run(int queued, int sent, int cancelled, int failed) {
        Run plus(Run other) {
            return new Run(queued + other.queued, sent + other.sent, cancelled + other.cancelled, failed + other.failed);
        }
    }

    private final TenantTransactions transactions;
    private final ReminderDao reminders;
    private final Regions regions;
    private final Memoranda memoranda;
    private final Contacts contacts;
    private final SubmissionWindows windows;
    private final ReferenceRequests requests;
    private final AssignmentRegister assignments;
    private final AuditTrail audit;
    private final BeanProvider<EmailSender<?, ?>> mail;
    private final String site;
    private final java.time.Clock clock;

    Reminders(TenantTransactions transactions, ReminderDao reminders, Regions regions, Memoranda memoranda, Contacts contacts,
              SubmissionWindows windows, ReferenceRequests requests, AssignmentRegister assignments, AuditTrail audit,
              BeanProvider<EmailSender<?, ?>> mail, ReminderSettings settings, java.time.Clock clock) {
        this.transactions = transactions;
        this.reminders = reminders;
        this.regions = regions;
        this.memoranda = memoranda;
        this.contacts = contacts;
        this.windows = windows;
        this.requests = requests;
        this.assignments = assignments;
        this.audit = audit;
        this.mail = mail;
        this.site = settings.publicUrl().replaceAll("/+$", "");
        this.clock = clock;
    }

    /** The caller's region's schedule (off until its administrator sets one). */
    public ReminderSchedule schedule(Caller caller) {
        String region = caller.regionCode().orElseThrow();
        return transactions.read(caller, () -> reminders.schedule(region).orElse(ReminderSchedule.off(region)));
    }

    /** The administrator sets when the region's reminders go. */
    public ReminderSchedule setSchedule(Caller caller, @Valid ReminderSchedule.Change change) {
        String region = caller.regionCode().orElseThrow();
        return transactions.write(caller, () -> {
            reminders.setSchedule(region, change, caller.user());
            audit.record(caller, AuditAction.REMINDER_SCHEDULE_SET, "reminder_schedule", region, Map.of("enabled", change.enabled(),
                    "returnDueDaysBefore", change.returnDueDaysBefore(), "returnOverdueDaysAfter", change.returnOverdueDaysAfter(),
                    "referenceDueDaysBefore", change.referenceDueDaysBefore(), "assignmentEndDaysBefore", change.assignmentEndDaysBefore()));
            return reminders.schedule(region).orElseThrow();
        });
    }

    /** The region's return reminders, newest first, and the members it cannot remind (no contact for returns). */
    public Outbox outbox(Caller caller) {
        String region = caller.regionCode().orElseThrow();
        return transactions.read(caller, () -> {
            ReminderSchedule schedule = reminders.schedule(region).orElse(ReminderSchedule.off(region));
            List<Reminder> list = reminders.outbox(region, REGIONAL, 500);
            Set<String> withContact = new java.util.HashSet<>();
            contacts.ofRegion(region).stream().filter(c -> c.responsibility() == ReminderKind.RETURN_DUE.to())
                    .forEach(c -> withContact.add(c.authorityCode()));
            List<String> without = memoranda.membersOn(region, LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London")))).stream()
                    .filter(m -> !withContact.contains(m.authorityCode())).map(Membership::authorityName).toList();
            return new Outbox(schedule, mail.isPresent(), list, without);
        });
    }

    /** Queues what is due on {@code today} in every region whose schedule is on, and sends what is queued. */
    public Run run(LocalDate today) {
        Run total = new Run(0, 0, 0, 0);
        for (Region region : regions.regions()) {
            Caller asRegion = new Caller("reminders", Optional.empty(), Optional.of(region.code()), Optional.of(region.code()),
                    Set.of(Role.REGIONAL_VIEWER));
            ReminderSchedule schedule = transactions.read(asRegion, () -> reminders.schedule(region.code()).orElse(ReminderSchedule.off(region.code())));
            if (!schedule.enabled()) {
                continue;
            }
            try {
                total = total.plus(returns(asRegion, region, schedule, today));
                List<Membership> members = transactions.read(asRegion, () -> memoranda.membersOn(region.code(), today));
                for (Membership member : members) {
                    Caller asCouncil = new Caller("reminders", Optional.of(member.authorityCode()), Optional.empty(),
                            Optional.of(region.code()), Set.of(Role.AUTHORITY_VIEWER, Role.REFERENCE_OFFICER));
                    total = total.plus(councilsOwn(asCouncil, member.authorityName(), schedule, today));
                }
            } catch (RuntimeException e) {
                LOG.error("Reminders for {} stopped: {}", region.name(), e.toString(), e); // the next region still gets its own
            }
        }
        if (total.queued() + total.sent() + total.cancelled() + total.failed() > 0) {
            LOG.info("Reminders: {} queued, {} sent, {} cancelled, {} failed", total.queued(), total.sent(), total.cancelled(), total.failed());
        }
        return total;
    }

    private Run returns(Caller asRegion, Region region, ReminderSchedule schedule, LocalDate today) {
        // where each member's return stands for every window near its due date: what to queue and what to cancel
        Set<String> arrived = new java.util.HashSet<>();
        Set<String> considered = new java.util.HashSet<>();
        List<Reminder.Draft> drafts = new ArrayList<>();
        Map<String, List<Contact>> contactsOf = new HashMap<>();
        transactions.read(asRegion, () -> contacts.ofRegion(region.code())).stream()
                .filter(c -> c.responsibility() == ReminderKind.RETURN_DUE.to())
                .forEach(c -> contactsOf.computeIfAbsent(c.authorityCode(), k -> new ArrayList<>()).add(c));
        for (SubmissionWindows.Window window : windows.list(asRegion)) {
            LocalDate dueFrom = window.dueOn().minusDays(schedule.returnDueDaysBefore());
            LocalDate overdueFrom = window.dueOn().plusDays(schedule.returnOverdueDaysAfter());
            boolean dueSoon = !today.isBefore(dueFrom) && !today.isAfter(window.dueOn());
            boolean overdue = !today.isBefore(overdueFrom) && !today.isAfter(overdueFrom.plusDays(CHASE_FOR_DAYS));
            boolean pendingMayNeedCancelling = !today.isBefore(dueFrom) && !today.isAfter(overdueFrom.plusDays(CHASE_FOR_DAYS));
            if (!pendingMayNeedCancelling) {
                continue;
            }
            considered.add(about(window));
            SubmissionWindows.RegionStatus status = windows.status(asRegion, window.periodType().name(), window.period());
            for (SubmissionWindows.MemberStatus member : status.members()) {
                String about = about(window);
                boolean in = member.version() != null; // judged on the day given, not the status's own today
                if (in) {
                    arrived.add(about + " " + member.authorityCode());
                }
                ReminderKind kind = in ? null : dueSoon ? ReminderKind.RETURN_DUE : overdue ? ReminderKind.RETURN_OVERDUE : null;
                if (kind == null) {
                    continue;
                }
                for (Contact contact : contactsOf.getOrDefault(member.authorityCode(), List.of())) {
                    ReminderLetters.Letter letter = kind == ReminderKind.RETURN_DUE
                            ? ReminderLetters.returnDue(contact, member.authorityName(), region.name(), window.periodType(), window.period(), window.dueOn(), site)
                            : ReminderLetters.returnOverdue(contact, member.authorityName(), region.name(), window.periodType(), window.period(), window.dueOn(), site);
                    drafts.add(new Reminder.Draft(region.code(), member.authorityCode(), kind, about, contact.name(), contact.email(),
                            letter.subject(), letter.body()));
                }
            }
        }
        return queueAndSend(asRegion, drafts, REGIONAL, reminder -> arrived.contains(reminder.about() + " " + reminder.authorityCode())
                ? Optional.of("the return arrived") : considered.contains(reminder.about()) ? Optional.empty()
                : Optional.of("its days for reminding have passed, or its due date moved"));
    }

    private Run councilsOwn(Caller asCouncil, String council, ReminderSchedule schedule, LocalDate today) {
        String authority = asCouncil.authorityCode().orElseThrow();
        String region = asCouncil.homeRegion().orElseThrow();
        List<Contact> own = transactions.read(asCouncil, () -> contacts.ofAuthority(authority));
        List<Reminder.Draft> drafts = new ArrayList<>();
        Set<String> stillOpen = new java.util.HashSet<>();
        for (ReferenceRequest request : requests.incoming(asCouncil, false)) {
            if (request.status() != RequestStatus.REQUESTED) {
                continue;
            }
            String about = "request " + request.id();
            stillOpen.add(about);
            boolean overdue = today.isAfter(request.dueOn());
            if (today.isBefore(request.dueOn().minusDays(schedule.referenceDueDaysBefore()))
                    || today.isAfter(request.dueOn().plusDays(CHASE_FOR_DAYS))) {
                continue;
            }
            String requester = regions.authority(request.requesterAuthority()).map(a -> a.name()).orElse(request.requesterAuthority());
            for (Contact contact : own) {
                if (contact.responsibility() == ReminderKind.REFERENCE_DUE.to()) {
                    ReminderLetters.Letter letter = ReminderLetters.referenceDue(contact, council, requester,
                            request.role().toLowerCase(Locale.UK), request.dueOn(), overdue, request.id().toString(), site);
                    drafts.add(new Reminder.Draft(region, authority, ReminderKind.REFERENCE_DUE, about + (overdue ? " overdue" : " due"),
                            contact.name(), contact.email(), letter.subject(), letter.body()));
                }
            }
        }
        for (Assignment assignment : assignments.current(asCouncil)) {
            if (assignment.actualEndDate() == null && assignment.plannedEndDate() != null) {
                stillOpen.add("assignment " + assignment.assignmentId() + " ends " + assignment.plannedEndDate());
            }
            if (assignment.actualEndDate() != null || assignment.plannedEndDate() == null
                    || today.isBefore(assignment.plannedEndDate().minusDays(schedule.assignmentEndDaysBefore()))
                    || today.isAfter(assignment.plannedEndDate())) {
                continue;
            }
            String reference = assignment.councilReference() == null ? "no reference of yours recorded" : assignment.councilReference();
            for (Contact contact : own) {
                if (contact.responsibility() == ReminderKind.ASSIGNMENT_ENDING.to()) {
                    ReminderLetters.Letter letter = ReminderLetters.assignmentEnding(contact, council, reference,
                            assignment.roleType().label().toLowerCase(Locale.UK), assignment.plannedEndDate(),
                            assignment.assignmentId().toString(), site);
                    drafts.add(new Reminder.Draft(region, authority, ReminderKind.ASSIGNMENT_ENDING, "assignment " + assignment.assignmentId()
                            + " ends " + assignment.plannedEndDate(), contact.name(), contact.email(), letter.subject(), letter.body()));
                }
            }
        }
        return queueAndSend(asCouncil, drafts, COUNCIL, reminder -> {
            if (reminder.kind() == ReminderKind.REFERENCE_DUE) { // about: "request <id> due" or "request <id> overdue"
                return stillOpen.contains(reminder.about().replaceFirst(" (over)?due$", "")) ? Optional.empty()
                        : Optional.of("the request was answered");
            }
            return stillOpen.contains(reminder.about()) ? Optional.empty() : Optional.of("an end was recorded or the planned end moved");
        });
    }

    /** Queues the drafts (each once ever), then sends every pending reminder of the kinds unless its reason went away. */
    private Run queueAndSend(Caller tenant, List<Reminder.Draft> drafts, List<ReminderKind> kinds,
                             java.util.function.Function<Reminder, Optional<String>> reasonGone) {
        return transactions.write(tenant, () -> {
            int queued = 0;
            for (Reminder.Draft draft : drafts) {
                queued += reminders.queue(draft) ? 1 : 0;
            }
            int sent = 0;
            int cancelled = 0;
            int failed = 0;
            Optional<EmailSender<?, ?>> sender = mail.isPresent() ? Optional.of(mail.get()) : Optional.empty();
            for (Reminder reminder : reminders.pending(kinds)) {
                Optional<String> gone = reasonGone.apply(reminder);
                if (gone.isPresent()) {
                    reminders.cancelled(reminder.id(), gone.get());
                    cancelled++;
                    continue;
                }
                if (sender.isEmpty()) {
                    continue; // e-mail is off here: it waits in the outbox
                }
                try {
                    sender.get().send(Email.builder().to(new io.micronaut.email.Contact(reminder.recipientEmail(), reminder.recipientName()))
                            .subject(reminder.subject()).body(reminder.body(), io.micronaut.email.BodyType.TEXT));
                    reminders.sent(reminder.id());
                    sent++;
                } catch (RuntimeException e) {
                    reminders.failed(reminder.id(), rootMessage(e));
                    failed++;
                }
            }
            return new Run(queued, sent, cancelled, failed);
        });
    }

    private static String about(SubmissionWindows.Window window) {
        return window.periodType().name() + " " + window.period() + " due " + window.dueOn();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
