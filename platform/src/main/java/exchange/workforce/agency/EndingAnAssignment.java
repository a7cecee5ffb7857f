package exchange.workforce.agency;

import exchange.workforce.identity.Caller;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.tenancy.TenantTransactions;
import exchange.workforce.worker.RegistrationNumberSeal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Ending an assignment, or correcting when it is planned to end, from its own page or the API, without sending the
 * whole assignment again: everything else is as the council recorded it (the worker's number opened from the
 * council's own seal), judged again for the rules in force on its start date, and stored as a correction with the
 * reason given, like any other ({@link AssignmentRegister#correct}).
 */
@Singleton
public class EndingAnAssignment {

    /** The new dates, how it ended (an {@link EndedHow} name, with the day it ended) and why; a date left out is cleared. */
    @Serdeable
    public record NewDates(@Nullable LocalDate plannedEndDate, @Nullable LocalDate actualEndDate, @Nullable String endedHow,
                           @Nullable String reason) {
    }

    private final AssignmentDao assignments;
    private final AssignmentRegister register;
    private final RegistrationNumberSeal seal;
    private final TenantTransactions transactions;
    private final Clock clock;

    public EndingAnAssignment(AssignmentDao assignments, AssignmentRegister register, RegistrationNumberSeal seal,
                              TenantTransactions transactions, Clock clock) {
        this.assignments = assignments;
        this.register = register;
        this.seal = seal;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Assignment change(Caller caller, UUID assignmentId, NewDates dates) {
        String authority = caller.authorityCode().orElseThrow();
        AssignmentDao.AsRecorded recorded = transactions.read(caller, () -> assignments.asRecorded(authority, assignmentId))
                .orElseThrow(() -> ApiProblem.notFound("There is no assignment " + assignmentId + " of your council."));
        NewAssignment was = recorded.assignment();
        List<Problem.Violation> broken = new ArrayList<>();
        EndedHow how = EndedHow.named(dates.endedHow());
        if (Objects.equals(was.plannedEndDate(), dates.plannedEndDate()) && Objects.equals(was.actualEndDate(), dates.actualEndDate())
                && Objects.equals(EndedHow.named(was.endedHow()), how)) {
            broken.add(AgencyRules.violation("actualEndDate", "actualEndDate: the dates are as recorded; give the day it ended, or a new planned end"));
        }
        if (dates.actualEndDate() != null && dates.actualEndDate().isAfter(LocalDate.now(clock))) {
            broken.add(AgencyRules.violation("actualEndDate", "actualEndDate: the day it ended cannot be in the future; give a planned end date instead"));
        }
        if (recorded.number() == null) {
            broken.add(AgencyRules.violation("assignmentId", "assignmentId: this assignment was recorded before the platform kept your workers' "
                    + "registration numbers; correct it by uploading a row with its assignment_id, the registration number and the reason"));
        }
        AgencyRules.refuseIfBroken(broken);
        String number = seal.open(recorded.number(), authority, assignmentId);
        return register.correct(caller, assignmentId, new NewAssignment(number, was.roleType(), was.team(), was.agency(), was.startDate(),
                dates.plannedEndDate(), dates.actualEndDate(), was.hourlyPay(), was.employerNi(), was.apprenticeshipLevy(), was.holidayPay(),
                was.agencyCharge(), was.qualifiedOn(), was.postQualifyingMonths(), was.noticeWeeks(), was.permanentNoticeWeeks(),
                was.projectTeam(), was.projectApprovedOn(), was.engagementId(), was.signOff(), was.exceptions(), dates.reason(),
                was.councilReference(), dates.endedHow()));
    }
}
