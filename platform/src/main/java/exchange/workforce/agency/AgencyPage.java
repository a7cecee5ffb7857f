package exchange.workforce.agency;

import exchange.workforce.returns.Period;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.identity.Role;
import exchange.workforce.measures.Symbol;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.web.DateField;
import exchange.workforce.web.Html;
import exchange.workforce.web.Pages;
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

    private final exchange.workforce.tenancy.Regions regions;
    private final EndingAnAssignment ending;

    public AgencyPage(Callers callers, AgencyRules rules, AssignmentRegister register, ComplianceAmongMembers amongMembers, Pages pages, Html html,
                      java.time.Clock clock, exchange.workforce.tenancy.Regions regions, EndingAnAssignment ending) {
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
            return page(request, callers.of(authentication), Map.of(), List.of(), null, HttpStatus.OK);
        }
        try {
            return page(request, callers.of(authentication), Map.of("quarter", AssignmentRegister.quarter(quarter).label()), List.of(), null,
                    HttpStatus.OK);
        } catch (exchange.workforce.problem.ApiProblem problem) {
            return page(request, callers.of(authentication), Map.of(), List.of(Pages.row("link", "quarter", "message",
                    "Choose a quarter from the list")), null, HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @Get(value = "/assignments/{id}", produces = MediaType.TEXT_HTML)
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER"})
    public HttpResponse<String> assignment(HttpRequest<?> request, Authentication authentication, @io.micronaut.http.annotation.PathVariable String id) {
        return assignmentPage(request, callers.authorityUser(authentication), assignmentId(id), null, List.of(), HttpStatus.OK);
    }

    /** Ends the assignment, or changes its planned end, with the reason: a correction, judged again; then its page. */
    @Post(value = "/assignments/{id}/dates", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured({"AUTHORITY_SUBMITTER", "REFERENCE_OFFICER"})
    public HttpResponse<String> dates(HttpRequest<?> request, Authentication authentication, @io.micronaut.http.annotation.PathVariable String id,
                                      @Body Map<String, String> form) {
        Caller caller = callers.authorityUser(authentication);
        java.util.UUID assignmentId = assignmentId(id);
        List<Map<String, Object>> errors = new ArrayList<>();
        LocalDate planned = date(form, "plannedEndDate", "The planned end date", errors);
        LocalDate ended = date(form, "actualEndDate", "The day it ended", errors);
        if (errors.isEmpty()) {
            try {
                ending.change(caller, assignmentId, new EndingAnAssignment.NewDates(planned, ended, blank(form.get("endedHow")),
                        blank(form.get("reason"))));
                return HttpResponse.seeOther(URI.create("/agency/assignments/" + assignmentId + "#history"));
            } catch (ApiProblem problem) {
                refused(problem, errors);
                errors.replaceAll(e -> "actualEndDate".equals(e.get("link")) || "plannedEndDate".equals(e.get("link"))
                        ? Pages.row("link", e.get("link") + "-day", "message", e.get("message"))
                        : "assignmentId".equals(e.get("link")) ? Pages.row("link", "plannedEndDate-day", "message", e.get("message")) : e);
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
                                                @io.micronaut.core.annotation.Nullable Map<String, String> form,
                                                List<Map<String, Object>> errors, HttpStatus status) {
        List<Assignment> versions = register.versions(caller, assignmentId);
        Assignment now = register.current(caller).stream().filter(a -> a.assignmentId().equals(assignmentId)).findFirst()
                .orElse(versions.get(versions.size() - 1));
        Map<String, Object> model = pages.model(request, caller, (errors.isEmpty() ? "" : "Error: ") + now.roleType().label() + ", " + now.team());
        model.put("a", Pages.row("id", now.assignmentId().toString(), "role", now.roleType().label(), "team", now.team(), "agency", now.agency(),
                "reference", now.councilReference() == null ? "None given" : now.councilReference(),
                "start", exchange.workforce.web.GovukDates.format(now.startDate()),
                "planned", now.plannedEndDate() == null ? "Not given" : exchange.workforce.web.GovukDates.format(now.plannedEndDate()),
                "ended", now.actualEndDate() == null ? "Not yet" : exchange.workforce.web.GovukDates.format(now.actualEndDate()),
                "cost", "£" + PriceCapRule.money(now.cappedCost()), "charge", now.agencyCharge() == null ? "Not given" : "£" + PriceCapRule.money(now.agencyCharge()),
                "transition", Transition.of(now).words(),
                "endedHow", EndedHow.named(now.endedHow()) == null ? null : EndedHow.named(now.endedHow()).label()));
        model.put("endedHowOptions", java.util.Arrays.stream(EndedHow.values()).map(h -> Pages.row("value", h.name(), "label", h.label())).toList());
        model.put("verdicts", now.verdicts().stream().map(v -> Pages.row("rule", AgencyRules.words(v.rule()), "outcome", v.outcome().name(),
                "reason", v.reason() + (now.exceptions().containsKey(v.rule()) ? " Exception: " + now.exceptions().get(v.rule()) : ""))).toList());
        model.put("versions", versions.stream().map(v -> Pages.row("version", v.version(), "by", v.recordedBy(),
                "at", exchange.workforce.web.GovukDates.format(v.recordedAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()),
                "reason", v.reason() == null ? (v.version() == 1 ? "First recorded" : "") : v.reason())).toList());
        model.put("canCorrect", caller.has(Role.AUTHORITY_SUBMITTER) || caller.has(Role.REFERENCE_OFFICER));
        Map<String, String> shown = form;
        if (shown == null) {
            shown = new HashMap<>();
            putDate(shown, "plannedEndDate", now.plannedEndDate());
            putDate(shown, "actualEndDate", now.actualEndDate());
            if (now.endedHow() != null) {
                shown.put("endedHow", now.endedHow());
            }
        }
        Pages.withForm(model, shown, errors);
        return html.page(status, "agency-assignment", model, request);
    }

    private static void putDate(Map<String, String> form, String name, @io.micronaut.core.annotation.Nullable LocalDate day) {
        if (day != null) {
            form.put(name + "-day", String.valueOf(day.getDayOfMonth()));
            form.put(name + "-month", String.valueOf(day.getMonthValue()));
            form.put(name + "-year", String.valueOf(day.getYear()));
        }
    }

    @Post(value = "/check", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured({"AUTHORITY_SUBMITTER", "AUTHORITY_VIEWER", "REFERENCE_OFFICER"})
    public HttpResponse<String> check(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        Caller caller = callers.authorityUser(authentication);
        List<Map<String, Object>> errors = new ArrayList<>();
        LocalDate start = date(form, "startDate", "The start date", errors);
        LocalDate qualified = date(form, "qualifiedOn", "The date the worker qualified", errors);
        LocalDate approved = date(form, "projectApprovedOn", "The date the project team worker was approved", errors);
        ProposedAssignment proposed = new ProposedAssignment(blank(form.get("registrationNumber")), blank(form.get("roleType")), start,
                decimal(form, "hourlyPay", errors), decimal(form, "employerNi", errors), decimal(form, "apprenticeshipLevy", errors),
                decimal(form, "holidayPay", errors), qualified, whole(form, "postQualifyingMonths", errors), whole(form, "noticeWeeks", errors),
                whole(form, "permanentNoticeWeeks", errors), "yes".equals(form.get("projectTeam")), approved, engagement(form, errors));
        boolean record = "record".equals(form.get("action"));
        LocalDate plannedEnd = date(form, "plannedEndDate", "The planned end date", errors);
        LocalDate directorOn = date(form, "directorSignedOn", "The date the Director signed off", errors);
        LocalDate chiefOn = date(form, "chiefExecutiveSignedOn", "The date the Chief Executive signed off", errors);
        BigDecimal charge = decimal(form, "agencyCharge", errors);
        if (errors.isEmpty()) {
            try {
                if (record) {
                    Map<String, String> exceptions = new HashMap<>();
                    for (AgencyRule rule : AgencyRules.RULES) {
                        String why = blank(form.get("exception-" + rule.code()));
                        if (why != null) {
                            exceptions.put(rule.code(), why);
                        }
                    }
                    boolean signed = blank(form.get("directorName")) != null || blank(form.get("chiefExecutiveName")) != null;
                    register.record(caller, new NewAssignment(proposed.registrationNumber(), proposed.roleType(), blank(form.get("team")),
                            blank(form.get("agency")), start, plannedEnd, null, proposed.hourlyPay(), proposed.employerNi(),
                            proposed.apprenticeshipLevy(), proposed.holidayPay(), charge, qualified, proposed.postQualifyingMonths(),
                            proposed.noticeWeeks(), proposed.permanentNoticeWeeks(), proposed.projectTeam(), approved, proposed.engagementId(),
                            signed ? new NewAssignment.SignOff(blank(form.get("directorName")), directorOn, blank(form.get("chiefExecutiveName")),
                                    chiefOn, blank(form.get("signOffReason"))) : null, exceptions, null, blank(form.get("councilReference")), null));
                    return HttpResponse.seeOther(URI.create("/agency#register"));
                }
                List<Verdict> verdicts = rules.check(caller, proposed);
                return page(request, caller, form, errors, verdicts, HttpStatus.OK);
            } catch (ApiProblem problem) {
                refused(problem, errors);
            }
        }
        return page(request, caller, form, errors, null, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Post(value = "/leavers", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured({"AUTHORITY_SUBMITTER", "REFERENCE_OFFICER"})
    public HttpResponse<String> leaver(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        Caller caller = callers.authorityUser(authentication);
        List<Map<String, Object>> errors = new ArrayList<>();
        LocalDate leftOn = date(form, "leftOn", "The day the worker left", errors);
        if (errors.isEmpty()) {
            try {
                rules.recordLeaver(caller, new NewLeaver(blank(form.get("leaverNumber")), leftOn, blank(form.get("leaverRole")),
                        blank(form.get("exemption"))));
                return HttpResponse.seeOther(URI.create("/agency#leavers"));
            } catch (ApiProblem problem) {
                refused(problem, errors);
                errors.replaceAll(e -> "registrationNumber".equals(e.get("link")) ? Pages.row("link", "leaverNumber", "message", e.get("message"))
                        : "role".equals(e.get("link")) ? Pages.row("link", "leaverRole", "message", e.get("message")) : e);
            }
        }
        return page(request, caller, form, errors, null, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Post(value = "/caps", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured("REGION_ADMIN")
    public HttpResponse<String> cap(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        Caller caller = callers.regionalUser(authentication);
        List<Map<String, Object>> errors = new ArrayList<>();
        LocalDate from = date(form, "capFrom", "The day the cap applies from", errors);
        BigDecimal cap = decimal(form, "hourlyCap", errors);
        if (errors.isEmpty()) {
            try {
                rules.setCap(caller, new NewCap(blank(form.get("capRole")), cap, from, blank(form.get("capSource"))));
                return HttpResponse.seeOther(URI.create("/agency#caps"));
            } catch (ApiProblem problem) {
                refused(problem, errors);
                errors.replaceAll(e -> switch (String.valueOf(e.get("link"))) {
                    case "roleType" -> Pages.row("link", "capRole", "message", e.get("message"));
                    case "effectiveFrom" -> Pages.row("link", "capFrom-day", "message", e.get("message"));
                    case "source" -> Pages.row("link", "capSource", "message", e.get("message"));
                    default -> e;
                });
            }
        }
        return page(request, caller, form, errors, null, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private HttpResponse<String> page(HttpRequest<?> request, Caller caller, Map<String, String> form, List<Map<String, Object>> errors,
                                      List<Verdict> verdicts, HttpStatus status) {
        String title = errors.isEmpty() ? (verdicts == null ? "Agency rules" : "Agency rules: check result") : "Error: Agency rules";
        Map<String, Object> model = pages.model(request, caller, title);
        boolean council = caller.authorityCode().isPresent();
        model.put("council", council);
        model.put("admin", caller.has(Role.REGION_ADMIN));
        model.put("recordsLeavers", council && (caller.has(Role.AUTHORITY_SUBMITTER) || caller.has(Role.REFERENCE_OFFICER)));
        model.put("roleTypes", java.util.Arrays.stream(RoleType.values()).map(r -> Pages.row("code", r.name(), "label", r.label())).toList());
        model.put("caps", rules.caps(caller, caller.homeRegion().orElseThrow()).stream().map(c -> Pages.row("role", c.roleType().label(),
                "cap", "£" + PriceCapRule.money(c.hourlyCap()), "from", exchange.workforce.web.GovukDates.format(c.effectiveFrom()), "source", c.source())).toList());
        model.put("leavers", council ? rules.leavers(caller).stream().map(l -> Pages.row("leftOn", l.leftOn().toString(),
                "role", l.role().label(), "exemption", l.exemption() == null ? "" : l.exemption().equals("REDUNDANCY") ? "Redundancy" : "Probation",
                "by", l.recordedBy())).toList() : List.of());
        model.put("assignments", council ? register.current(caller).stream().map(a -> Pages.row("id", a.assignmentId().toString(),
                "role", a.roleType().label(), "team", a.team(), "agency", a.agency(), "start", a.startDate().toString(),
                "end", a.actualEndDate() != null ? a.actualEndDate().toString() : a.plannedEndDate() == null ? "" : a.plannedEndDate() + " (planned)",
                "cost", "£" + PriceCapRule.money(a.cappedCost()), "version", a.version(),
                "notMet", String.join(", ", a.verdicts().stream().filter(v -> v.outcome() != Verdict.Outcome.PASS)
                        .map(v -> AgencyRules.words(v.rule()) + AgencyRules.outcomeAside(v.outcome())).toList())))
                .toList() : List.of());
        String current = quarterOf(LocalDate.now(clock));
        String quarter = current;
        try {
            quarter = form.containsKey("quarter") ? AssignmentRegister.quarter(form.get("quarter")).label() : current;
        } catch (exchange.workforce.problem.ApiProblem notAQuarter) {
            // a form that carries no quarter the page offers shows this quarter
        }
        model.put("quarter", quarter);
        List<Map<String, Object>> quarters = new ArrayList<>();
        Period latest = AssignmentRegister.quarter(current);
        for (Period q = latest; quarters.size() < 8; q = q.previous()) {
            quarters.add(Pages.row("value", q.label(), "label", q.label() + (q.equals(latest) ? " (this quarter)" : ""), "selected", q.label().equals(quarter)));
        }
        model.put("quarters", quarters);
        // the census year the quarter falls in (a census year runs 1 October to 30 September)
        Period shown = AssignmentRegister.quarter(quarter);
        int censusYear = shown.end().getMonthValue() >= 10 ? shown.end().getYear() + 1 : shown.end().getYear();
        model.put("leaversYear", censusYear + " census year");
        model.put("leaversAgainstCensus", caller.regionCode().isPresent() ? rules.leaversAgainstCensus(caller, censusYear).stream().map(l -> Pages.row(
                "name", regions.authority(l.authorityCode()).map(a -> a.name()).orElse(l.authorityCode()), "recorded", l.recorded(),
                "census", l.census() == null ? "Not available" : l.census().stripTrailingZeros().toPlainString(),
                "source", l.censusSource() == null ? "Neither its return nor DfE has it" : "RETURN".equals(l.censusSource())
                        ? "Its own census return" : "DfE's published figure")).toList() : List.of());
        model.put("suppliers", caller.regionCode().isPresent() ? register.suppliers(caller, quarter).stream().map(a -> Pages.row(
                "agency", a.agency(), "councils", a.councils(), "assignments", a.assignments(), "breaches", a.capBreaches(),
                "notice", a.noticeNotMet(), "coolingOff", a.coolingOffNotMet(), "exceptions", a.withExceptions(),
                "cost", a.meanHourlyCost() == null ? "" : "£" + PriceCapRule.money(a.meanHourlyCost()),
                "reviews", a.placementReviews() == 0 ? "None" : a.placementReviews() + " (" + a.reviewsBelowGood() + " below good)",
                "converted", a.ended() == 0 ? "None ended" : a.convertedToPermanent() + " of " + a.ended() + " ended")).toList() : List.of());
        model.put("compliance", caller.regionCode().isPresent() ? register.compliance(caller, quarter).stream().map(c -> Pages.row(
                "name", c.name(), "assignments", c.assignments(), "breaches", c.capBreaches(), "signedOff", c.capBreachesSignedOff(),
                "coolingOff", c.coolingOffNotMet(), "exceptions", c.withExceptions(),
                "spend", c.recordedAnything() ? spend(c.agencySpend(), c.agencySpendMonths()) : "Nothing recorded this quarter"))
                .toList() : List.of());
        if (council) {
            ComplianceAmongMembers.View view = amongMembers.of(caller, quarter);
            List<Map<String, Object>> rows = new ArrayList<>(view.members().stream().map(AgencyPage::row).toList());
            if (!rows.isEmpty()) {
                rows.add(row(view.region()));
            }
            model.put("regionView", Map.of("note", view.note(), "rows", rows));
        }
        model.put("rules", AgencyRules.RULES.stream().map(r -> Pages.row("code", r.code(), "label", AgencyRules.words(r.code()))).toList());
        model.put("verdicts", verdicts == null ? null : verdicts.stream().map(v -> Pages.row("rule", AgencyRules.words(v.rule()),
                "outcome", v.outcome().name(), "reason", v.reason(), "source", v.source())).toList());
        if (verdicts != null) {
            long failed = verdicts.stream().filter(v -> v.outcome() == Verdict.Outcome.FAIL).count();
            long signOff = verdicts.stream().filter(v -> v.outcome() == Verdict.Outcome.NEEDS_SIGN_OFF).count();
            model.put("conclusion", failed > 0 ? failed + (failed == 1 ? " rule is" : " rules are") + " not met: do not engage on these terms."
                    : signOff > 0 ? "Every rule is met or can be with the sign-off named below." : "Every rule is met.");
        }
        Pages.withForm(model, form, errors, "registrationNumber", "leaverNumber"); // numbers are never shown back: typed again
        return html.page(status, "agency", model, request);
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
    private static void refused(ApiProblem problem, List<Map<String, Object>> errors) {
        List<Problem.Violation> violations = problem.violations().isEmpty()
                ? List.of(new Problem.Violation(problem.code().name(), problem.field(), null, null, problem.getMessage()))
                : problem.violations();
        violations.forEach(v -> errors.add(Pages.row("link", link(v.field()), "message", sentence(v.message()))));
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

    private static LocalDate date(Map<String, String> form, String name, String what, List<Map<String, Object>> errors) {
        try {
            return DateField.read(form, name, what);
        } catch (IllegalArgumentException e) {
            errors.add(Pages.row("link", name + "-day", "message", e.getMessage()));
            return null;
        }
    }

    private static BigDecimal decimal(Map<String, String> form, String field, List<Map<String, Object>> errors) {
        String text = blank(form.get(field));
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace("£", "").replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(Pages.row("link", field, "message", "Enter an amount in pounds, for example 36.50"));
            return null;
        }
    }

    private static Integer whole(Map<String, String> form, String field, List<Map<String, Object>> errors) {
        String text = blank(form.get(field));
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.add(Pages.row("link", field, "message", "Enter a whole number, for example 4"));
            return null;
        }
    }

    private static UUID engagement(Map<String, String> form, List<Map<String, Object>> errors) {
        String text = blank(form.get("engagementId"));
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            errors.add(Pages.row("link", "engagementId", "message", "Enter the engagement's reference as the References page shows it"));
            return null;
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
