package exchange.workforce.agency;

import exchange.workforce.returns.Period;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.identity.Role;
import exchange.workforce.measures.Symbol;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.web.DateInput;
import exchange.workforce.web.Decimal;
import exchange.workforce.web.Entered;
import exchange.workforce.web.FieldError;
import exchange.workforce.web.Form;
import exchange.workforce.web.FormCheck;
import exchange.workforce.web.FormNumbers;
import exchange.workforce.web.Html;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.RealDate;
import exchange.workforce.web.WholeNumber;
import exchange.workforce.web.Pages;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The agency rules for a council in the browser: check a proposed assignment against every rule before engaging (the
 * registration number typed, never shown back), record a permanent leaver, and see the region's caps; for a region's
 * administrator, set a cap. Answered by {@link AgencyRules}, like the API.
 */
@Controller("/agency")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
public class AgencyPage {

    private final java.time.Clock clock;
    private final Callers callers;
    private final AgencyRules rules;
    private final AssignmentRegister register;
    private final ComplianceAmongMembers amongMembers;
    private final Pages pages;
    private final Html html;
    private final FormCheck check;

    private final exchange.workforce.tenancy.Regions regions;
    private final EndingAnAssignment ending;

    public AgencyPage(Callers callers, AgencyRules rules, AssignmentRegister register, ComplianceAmongMembers amongMembers, Pages pages, Html html,
                      java.time.Clock clock, exchange.workforce.tenancy.Regions regions, EndingAnAssignment ending, FormCheck check) {
        this.check = check;
        this.regions = regions;
        this.ending = ending;
        this.clock = clock;
        this.callers = callers;
        this.rules = rules;
        this.register = register;
        this.amongMembers = amongMembers;
        this.pages = pages;
        this.html = html;
    }

    @Get(produces = MediaType.TEXT_HTML)
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER", "REGION_ADMIN", "REGIONAL_VIEWER"})
    public HttpResponse<String> agency(HttpRequest<?> request, Authentication authentication, @io.micronaut.http.annotation.QueryValue
                                       @io.micronaut.core.annotation.Nullable String quarter) {
        if (quarter == null || quarter.isBlank()) {
            return page(request, callers.of(authentication), null, null, List.of(), null, HttpStatus.OK);
        }
        try {
            return page(request, callers.of(authentication), null, AssignmentRegister.quarter(quarter).label(), List.of(), null, HttpStatus.OK);
        } catch (exchange.workforce.problem.ApiProblem problem) {
            return page(request, callers.of(authentication), null, null, List.of(new FieldError("quarter", "Choose a quarter from the list")), null,
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @Get(value = "/assignments/{id}", produces = MediaType.TEXT_HTML)
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER"})
    public HttpResponse<String> assignment(HttpRequest<?> request, Authentication authentication, @io.micronaut.http.annotation.PathVariable String id) {
        return assignmentPage(request, callers.authorityUser(authentication), assignmentId(id), null, List.of(), HttpStatus.OK);
    }

    /** An assignment's end as typed on its page: the day it ended and how, or its planned end, and why. */
    @Introspected
    public record DatesForm(
            @RealDate(message = "The day it ended must be a real date, for example 27 3 2026") DateInput actualEndDate,
            String endedHow,
            @RealDate(message = "The planned end date must be a real date, for example 27 3 2026") DateInput plannedEndDate,
            String reason) implements Form {

        static DatesForm of(Assignment now) {
            return new DatesForm(DateInput.of(now.actualEndDate()), now.endedHow(), DateInput.of(now.plannedEndDate()), null);
        }
    }

    /** Ends the assignment, or changes its planned end, with the reason: a correction, judged again; then its page. */
    @Post(value = "/assignments/{id}/dates", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured({"AUTHORITY_SUBMITTER", "REFERENCE_OFFICER"})
    public HttpResponse<String> dates(HttpRequest<?> request, Authentication authentication, @io.micronaut.http.annotation.PathVariable String id,
                                      @Body DatesForm form) {
        Caller caller = callers.authorityUser(authentication);
        java.util.UUID assignmentId = assignmentId(id);
        List<FieldError> errors = new ArrayList<>(check.problems(form));
        if (errors.isEmpty()) {
            try {
                ending.change(caller, assignmentId, new EndingAnAssignment.NewDates(form.plannedEndDate().orNull(), form.actualEndDate().orNull(),
                        form.endedHow(), form.reason()));
                return HttpResponse.seeOther(URI.create("/agency/assignments/" + assignmentId + "#history"));
            } catch (ApiProblem problem) {
                refused(problem, errors);
                errors.replaceAll(e -> "actualEndDate".equals(e.link()) || "plannedEndDate".equals(e.link()) ? new FieldError(e.link() + "-day", e.message())
                        : "assignmentId".equals(e.link()) ? new FieldError("plannedEndDate-day", e.message()) : e);
            }
        }
        return assignmentPage(request, caller, assignmentId, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private static java.util.UUID assignmentId(String id) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw exchange.workforce.problem.ApiProblem.notFound("There is no assignment " + id + " of your council.");
        }
    }

    /**
     * One of the council's assignments: its details as they stand, each rule's verdict today, every version with who
     * recorded it and why, where it stands against the rules' transition, and the form that ends it or moves its end.
     */
    private HttpResponse<String> assignmentPage(HttpRequest<?> request, Caller caller, java.util.UUID assignmentId,
                                                @io.micronaut.core.annotation.Nullable DatesForm form,
                                                List<FieldError> errors, HttpStatus status) {
        List<Assignment> versions = register.versions(caller, assignmentId);
        Assignment now = register.current(caller).stream().filter(a -> a.assignmentId().equals(assignmentId)).findFirst()
                .orElse(versions.get(versions.size() - 1));

        Map<String, Object> a = Pages.row("id", now.assignmentId().toString(), "role", now.roleType().label(), "team", now.team(), "agency", now.agency(),
                "reference", now.councilReference() == null ? "None given" : now.councilReference(),
                "start", exchange.workforce.web.GovukDates.format(now.startDate()),
                "planned", now.plannedEndDate() == null ? "Not given" : exchange.workforce.web.GovukDates.format(now.plannedEndDate()),
                "ended", now.actualEndDate() == null ? "Not yet" : exchange.workforce.web.GovukDates.format(now.actualEndDate()),
                "cost", "£" + PriceCapRule.money(now.cappedCost()), "charge", now.agencyCharge() == null ? "Not given" : "£" + PriceCapRule.money(now.agencyCharge()),
                "transition", Transition.of(now).words(),
                "endedHow", EndedHow.named(now.endedHow()) == null ? null : EndedHow.named(now.endedHow()).label());
        List<Map<String, Object>> endedHowOptions = java.util.Arrays.stream(EndedHow.values()).map(h -> Pages.row("value", h.name(), "label", h.label())).toList();
        List<Map<String, Object>> verdicts = now.verdicts().stream().map(v -> Pages.row("rule", AgencyRules.words(v.rule()), "outcome", v.outcome().name(),
                "reason", v.reason() + (now.exceptions().containsKey(v.rule()) ? " Exception: " + now.exceptions().get(v.rule()) : ""))).toList();
        List<Map<String, Object>> versionRows = versions.stream().map(v -> Pages.row("version", v.version(), "by", v.recordedBy(),
                "at", exchange.workforce.web.GovukDates.format(v.recordedAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()),
                "reason", v.reason() == null ? (v.version() == 1 ? "First recorded" : "") : v.reason())).toList();
        boolean canCorrect = caller.has(Role.AUTHORITY_SUBMITTER) || caller.has(Role.REFERENCE_OFFICER);
        return html.page(status, "agency-assignment", new AssignmentView(pages.layout(request, caller, (errors.isEmpty() ? "" : "Error: ")
                + now.roleType().label() + ", " + now.team()), Entered.of(form != null ? form : DatesForm.of(now), errors),
                a, endedHowOptions, verdicts, versionRows, canCorrect), request);
    }

    /** A proposed assignment as typed, in the order of the form: checked against the rules, or recorded with "record". */
    @Introspected
    public record ProposedForm(
            String registrationNumber, String roleType,
            @RealDate(message = "The start date must be a real date, for example 27 3 2026") DateInput startDate,
            @Decimal(message = POUNDS) String hourlyPay, @Decimal(message = POUNDS) String employerNi,
            @Decimal(message = POUNDS) String apprenticeshipLevy, @Decimal(message = POUNDS) String holidayPay,
            @WholeNumber(message = WHOLE) String postQualifyingMonths, @WholeNumber(message = WHOLE) String noticeWeeks,
            @WholeNumber(message = WHOLE) String permanentNoticeWeeks,
            @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                    message = "Enter the engagement's reference as the References page shows it") String engagementId,
            @RealDate(message = "The date the worker qualified must be a real date, for example 27 3 2026") DateInput qualifiedOn,
            String projectTeam,
            @RealDate(message = "The date the project team worker was approved must be a real date, for example 27 3 2026") DateInput projectApprovedOn,
            String action, String team, String agency, @Decimal(message = POUNDS) String agencyCharge, String councilReference,
            @RealDate(message = "The planned end date must be a real date, for example 27 3 2026") DateInput plannedEndDate,
            String directorName, String chiefExecutiveName, String signOffReason,
            @RealDate(message = "The date the Director signed off must be a real date, for example 27 3 2026") DateInput directorSignedOn,
            @RealDate(message = "The date the Chief Executive signed off must be a real date, for example 27 3 2026") DateInput chiefExecutiveSignedOn,
            Map<String, String> others) implements Form {

        ProposedAssignment proposed() {
            return new ProposedAssignment(registrationNumber, roleType, startDate.orNull(), FormNumbers.decimal(hourlyPay), FormNumbers.decimal(employerNi),
                    FormNumbers.decimal(apprenticeshipLevy), FormNumbers.decimal(holidayPay), qualifiedOn.orNull(), FormNumbers.whole(postQualifyingMonths),
                    FormNumbers.whole(noticeWeeks), FormNumbers.whole(permanentNoticeWeeks), "yes".equals(projectTeam), projectApprovedOn.orNull(),
                    engagementId == null ? null : UUID.fromString(engagementId));
        }

        /** The exceptions given, by rule: the boxes named {@code exception-<rule>}. */
        Map<String, String> exceptions() {
            Map<String, String> given = new HashMap<>();
            for (AgencyRule rule : AgencyRules.RULES) {
                String why = others.get("exception-" + rule.code());
                if (why != null && !why.isBlank()) {
                    given.put(rule.code(), why);
                }
            }
            return given;
        }

        NewAssignment assignment() {
            ProposedAssignment proposed = proposed();
            boolean signed = directorName != null || chiefExecutiveName != null;
            return new NewAssignment(proposed.registrationNumber(), proposed.roleType(), team, agency, proposed.startDate(), plannedEndDate.orNull(), null,
                    proposed.hourlyPay(), proposed.employerNi(), proposed.apprenticeshipLevy(), proposed.holidayPay(), FormNumbers.decimal(agencyCharge),
                    proposed.qualifiedOn(), proposed.postQualifyingMonths(), proposed.noticeWeeks(), proposed.permanentNoticeWeeks(),
                    proposed.projectTeam(), proposed.projectApprovedOn(), proposed.engagementId(),
                    signed ? new NewAssignment.SignOff(directorName, directorSignedOn.orNull(), chiefExecutiveName, chiefExecutiveSignedOn.orNull(),
                            signOffReason) : null, exceptions(), null, councilReference, null);
        }
    }

    private static final String POUNDS = "Enter an amount in pounds, for example 36.50";
    private static final String WHOLE = "Enter a whole number, for example 4";

    @Post(value = "/check", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER"})
    public HttpResponse<String> check(HttpRequest<?> request, Authentication authentication, @Body ProposedForm form) {
        Caller caller = callers.authorityUser(authentication);
        List<FieldError> errors = new ArrayList<>(check.problems(form));
        if (errors.isEmpty()) {
            try {
                if ("record".equals(form.action())) {
                    register.record(caller, form.assignment());
                    return HttpResponse.seeOther(URI.create("/agency#register"));
                }
                List<Verdict> verdicts = rules.check(caller, form.proposed());
                return page(request, caller, form, null, errors, verdicts, HttpStatus.OK);
            } catch (ApiProblem problem) {
                refused(problem, errors);
            }
        }
        return page(request, caller, form, null, errors, null, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    /** A leaver as typed: who (by registration number), the day they left, their role, and any exemption. */
    @Introspected
    public record LeaverForm(String leaverNumber, String leaverRole,
                             @RealDate(message = "The day the worker left must be a real date, for example 27 3 2026") DateInput leftOn,
                             String exemption) implements Form {
    }

    @Post(value = "/leavers", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured({"AUTHORITY_SUBMITTER", "REFERENCE_OFFICER"})
    public HttpResponse<String> leaver(HttpRequest<?> request, Authentication authentication, @Body LeaverForm form) {
        Caller caller = callers.authorityUser(authentication);
        List<FieldError> errors = new ArrayList<>(check.problems(form));
        if (errors.isEmpty()) {
            try {
                rules.recordLeaver(caller, new NewLeaver(form.leaverNumber(), form.leftOn().orNull(), form.leaverRole(), form.exemption()));
                return HttpResponse.seeOther(URI.create("/agency#leavers"));
            } catch (ApiProblem problem) {
                refused(problem, errors);
                errors.replaceAll(e -> "registrationNumber".equals(e.link()) ? new FieldError("leaverNumber", e.message())
                        : "role".equals(e.link()) ? new FieldError("leaverRole", e.message()) : e);
            }
        }
        return page(request, caller, form, null, errors, null, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    /** A region's price cap as typed: the role, the cap an hour, from when, and whose decision it is. */
    @Introspected
    public record CapForm(String capRole, @Decimal(message = POUNDS) String hourlyCap,
                          @RealDate(message = "The day the cap applies from must be a real date, for example 27 3 2026") DateInput capFrom,
                          String capSource) implements Form {
    }

    @Post(value = "/caps", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("REGION_ADMIN")
    public HttpResponse<String> cap(HttpRequest<?> request, Authentication authentication, @Body CapForm form) {
        Caller caller = callers.regionalUser(authentication);
        List<FieldError> errors = new ArrayList<>(check.problems(form));
        if (errors.isEmpty()) {
            try {
                rules.setCap(caller, new NewCap(form.capRole(), FormNumbers.decimal(form.hourlyCap()), form.capFrom().orNull(), form.capSource()));
                return HttpResponse.seeOther(URI.create("/agency#caps"));
            } catch (ApiProblem problem) {
                refused(problem, errors);
                errors.replaceAll(e -> switch (e.link()) {
                    case "roleType" -> new FieldError("capRole", e.message());
                    case "effectiveFrom" -> new FieldError("capFrom-day", e.message());
                    case "source" -> new FieldError("capSource", e.message());
                    default -> e;
                });
            }
        }
        return page(request, caller, form, null, errors, null, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private HttpResponse<String> page(HttpRequest<?> request, Caller caller, Form form, String chosenQuarter, List<FieldError> errors,
                                      List<Verdict> verdicts, HttpStatus status) {
        String title = errors.isEmpty() ? (verdicts == null ? "Agency rules" : "Agency rules: check result") : "Error: Agency rules";

        boolean council = caller.authorityCode().isPresent();

        boolean admin = caller.has(Role.REGION_ADMIN);
        boolean recordsLeavers = council && (caller.has(Role.AUTHORITY_SUBMITTER) || caller.has(Role.REFERENCE_OFFICER));
        List<Map<String, Object>> roleTypes = java.util.Arrays.stream(RoleType.values()).map(r -> Pages.row("code", r.name(), "label", r.label())).toList();
        List<Map<String, Object>> caps = rules.caps(caller, caller.homeRegion().orElseThrow()).stream().map(c -> Pages.row("role", c.roleType().label(),
                "cap", "£" + PriceCapRule.money(c.hourlyCap()), "from", exchange.workforce.web.GovukDates.format(c.effectiveFrom()), "source", c.source())).toList();
        List<Map<String, Object>> leavers = council ? rules.leavers(caller).stream().map(l -> Pages.row("leftOn", l.leftOn().toString(),
                "role", l.role().label(), "exemption", l.exemption() == null ? "" : l.exemption().equals("REDUNDANCY") ? "Redundancy" : "Probation",
                "by", l.recordedBy())).toList() : List.of();
        List<Map<String, Object>> assignments = council ? register.current(caller).stream().map(a -> Pages.row("id", a.assignmentId().toString(),
                "role", a.roleType().label(), "team", a.team(), "agency", a.agency(), "start", a.startDate().toString(),
                "end", a.actualEndDate() != null ? a.actualEndDate().toString() : a.plannedEndDate() == null ? "" : a.plannedEndDate() + " (planned)",
                "cost", "£" + PriceCapRule.money(a.cappedCost()), "version", a.version(),
                "notMet", String.join(", ", a.verdicts().stream().filter(v -> v.outcome() != Verdict.Outcome.PASS)
                        .map(v -> AgencyRules.words(v.rule()) + AgencyRules.outcomeAside(v.outcome())).toList())))
                .toList() : List.of();
        String current = quarterOf(LocalDate.now(clock));
        String quarter = chosenQuarter == null ? current : chosenQuarter;

        List<Map<String, Object>> quarters = new ArrayList<>();
        Period latest = AssignmentRegister.quarter(current);
        for (Period q = latest; quarters.size() < 8; q = q.previous()) {
            quarters.add(Pages.row("value", q.label(), "label", q.label() + (q.equals(latest) ? " (this quarter)" : ""), "selected", q.label().equals(quarter)));
        }

        // the census year the quarter falls in (a census year runs 1 October to 30 September)
        Period shown = AssignmentRegister.quarter(quarter);
        int censusYear = shown.end().getMonthValue() >= 10 ? shown.end().getYear() + 1 : shown.end().getYear();
        String leaversYear = censusYear + " census year";
        List<Map<String, Object>> leaversAgainstCensus = caller.regionCode().isPresent() ? rules.leaversAgainstCensus(caller, censusYear).stream().map(l -> Pages.row(
                "name", regions.authority(l.authorityCode()).map(a -> a.name()).orElse(l.authorityCode()), "recorded", l.recorded(),
                "census", l.census() == null ? "Not available" : l.census().stripTrailingZeros().toPlainString(),
                "source", l.censusSource() == null ? "Neither its return nor DfE has it" : "RETURN".equals(l.censusSource())
                        ? "Its own census return" : "DfE's published figure")).toList() : List.of();
        List<Map<String, Object>> suppliers = caller.regionCode().isPresent() ? register.suppliers(caller, quarter).stream().map(a -> Pages.row(
                "agency", a.agency(), "councils", a.councils(), "assignments", a.assignments(), "breaches", a.capBreaches(),
                "notice", a.noticeNotMet(), "coolingOff", a.coolingOffNotMet(), "exceptions", a.withExceptions(),
                "cost", a.meanHourlyCost() == null ? "" : "£" + PriceCapRule.money(a.meanHourlyCost()),
                "reviews", a.placementReviews() == 0 ? "None" : a.placementReviews() + " (" + a.reviewsBelowGood() + " below good)",
                "converted", a.ended() == 0 ? "None ended" : a.convertedToPermanent() + " of " + a.ended() + " ended")).toList() : List.of();
        List<Map<String, Object>> compliance = caller.regionCode().isPresent() ? register.compliance(caller, quarter).stream().map(c -> Pages.row(
                "name", c.name(), "assignments", c.assignments(), "breaches", c.capBreaches(), "signedOff", c.capBreachesSignedOff(),
                "coolingOff", c.coolingOffNotMet(), "exceptions", c.withExceptions(),
                "spend", c.recordedAnything() ? spend(c.agencySpend(), c.agencySpendMonths()) : "Nothing recorded this quarter"))
                .toList() : List.of();
        Map<String, Object> regionView = null;
        if (council) {
            ComplianceAmongMembers.View view = amongMembers.of(caller, quarter);
            List<Map<String, Object>> rows = new ArrayList<>(view.members().stream().map(AgencyPage::row).toList());
            if (!rows.isEmpty()) {
                rows.add(row(view.region()));
            }
            regionView = Map.of("note", view.note(), "rows", rows);
        }
        List<Map<String, Object>> rules = AgencyRules.RULES.stream().map(r -> Pages.row("code", r.code(), "label", AgencyRules.words(r.code()))).toList();
        List<Map<String, Object>> verdictRows = verdicts == null ? null : verdicts.stream().map(v -> Pages.row("rule", AgencyRules.words(v.rule()),
                "outcome", v.outcome().name(), "reason", v.reason(), "source", v.source())).toList();
        String conclusion = null;
        if (verdicts != null) {
            long failed = verdicts.stream().filter(v -> v.outcome() == Verdict.Outcome.FAIL).count();
            long signOff = verdicts.stream().filter(v -> v.outcome() == Verdict.Outcome.NEEDS_SIGN_OFF).count();
            conclusion = (failed > 0 ? failed + (failed == 1 ? " rule is" : " rules are") + " not met: do not engage on these terms."
                    : signOff > 0 ? "Every rule is met or can be with the sign-off named below." : "Every rule is met.");
        }
        return html.page(status, "agency", new AgencyView(pages.layout(request, caller, title),
                // numbers are never shown back: typed again
                Entered.of(form, errors, "registrationNumber", "leaverNumber"), council, admin, recordsLeavers, roleTypes, caps, leavers, assignments,
                quarter, quarters, leaversYear, leaversAgainstCensus, suppliers, compliance, regionView, rules, verdictRows, conclusion), request);
    }

    private static Map<String, Object> row(ComplianceAmongMembers.Row r) {
        return Pages.row("name", r.member(), "assignments", count(r.assignments()), "breaches", count(r.capBreaches()),
                "signedOff", count(r.capBreachesSignedOff()), "coolingOff", count(r.coolingOffNotMet()), "exceptions", count(r.withExceptions()),
                "spend", spend(r.agencySpend(), r.agencySpendMonths()));
    }

    private static String count(ComplianceAmongMembers.Count count) {
        return count.value() == null ? Symbol.codeOf(count.symbol()) : count.value().toString();
    }

    private static String spend(BigDecimal spend, long months) {
        return spend == null ? "none given" : exchange.workforce.web.Figures.format("pounds", spend.setScale(2, java.math.RoundingMode.HALF_UP), null)
                + " (" + months + (months == 1 ? " month)" : " months)");
    }

    /** The quarter a day falls in, as YYYY-Qn. */
    static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    /** How a rule that was not simply met stands, after the rule's name in a list. */
    private static void refused(ApiProblem problem, List<FieldError> errors) {
        List<Problem.Violation> violations = problem.violations().isEmpty()
                ? List.of(new Problem.Violation(problem.code().name(), problem.field(), null, null, problem.getMessage()))
                : problem.violations();
        violations.forEach(v -> errors.add(new FieldError(link(v.field()), sentence(v.message()))));
    }

    /** The API's "field: what to do" as a sentence for the page. */
    private static String sentence(String message) {
        int colon = message.indexOf(": ");
        String text = colon > 0 && colon < 30 && !message.substring(0, colon).contains(" ") ? message.substring(colon + 2) : message;
        return text.isEmpty() ? message : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String link(String field) {
        if (field == null) {
            return "registrationNumber";
        }
        if (field.startsWith("exceptions.")) {
            return "exception-" + field.substring("exceptions.".length());
        }
        return switch (field) {
            case "startDate", "qualifiedOn", "projectApprovedOn", "leftOn", "plannedEndDate" -> field + "-day";
            case "signOff" -> "directorName";
            default -> field;
        };
    }

    /** The agency page: the check and record forms, the register, caps, leavers and (for a region) compliance by member and supplier. */
    record AgencyView(Layout layout, Entered entered, boolean council, boolean admin, boolean recordsLeavers, List<Map<String, Object>> roleTypes,
                      List<Map<String, Object>> caps, List<Map<String, Object>> leavers, List<Map<String, Object>> assignments, String quarter,
                      List<Map<String, Object>> quarters, String leaversYear, List<Map<String, Object>> leaversAgainstCensus,
                      List<Map<String, Object>> suppliers, List<Map<String, Object>> compliance, Map<String, Object> regionView,
                      List<Map<String, Object>> rules, List<Map<String, Object>> verdicts, String conclusion) implements PageView {
    }

    /** One assignment: its details, each rule's verdict today, every version, and the form that ends it or moves its end. */
    record AssignmentView(Layout layout, Entered entered, Map<String, Object> a, List<Map<String, Object>> endedHowOptions,
                          List<Map<String, Object>> verdicts, List<Map<String, Object>> versions, boolean canCorrect) implements PageView {
    }
}
