package exchange.workforce.memorandum;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.web.FormFields;
import exchange.workforce.web.Html;
import exchange.workforce.web.Pages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.ConstraintViolationException;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The region administrator's changes to the memorandum in the browser: adding a member, ending a membership (one
 * question on its own page), and recording a new version of the terms (every term stated, starting from those in
 * force). The API's own operations answer each form, so the rules, tenancy and audit are the API's.
 */
@Controller("/region/memorandum")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("REGION_ADMIN")
public class MemorandumAdministrationPage {

    private static final String BACK = "/region/memorandum";

    private final Callers callers;
    private final MemorandumAdministration admin;
    private final Memoranda memoranda;
    private final Regions regions;
    private final Pages pages;
    private final Html html;

    public MemorandumAdministrationPage(Callers callers, MemorandumAdministration admin, Memoranda memoranda, Regions regions,
                                        Pages pages, Html html) {
        this.callers = callers;
        this.admin = admin;
        this.memoranda = memoranda;
        this.regions = regions;
        this.pages = pages;
        this.html = html;
    }

    @Get(value = "/members/{code}/end", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> endMembershipPage(HttpRequest<?> request, Authentication authentication, @PathVariable String code) {
        return endPage(request, authentication, code, Map.of(), List.of(), HttpStatus.OK);
    }

    @Post(value = "/members/{code}/end", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> endMembership(HttpRequest<?> request, Authentication authentication, @PathVariable String code,
                                              @Body Map<String, String> form) {
        List<Map<String, Object>> errors = new ArrayList<>();
        LocalDate to = FormFields.requiredDate(form, "endOn", "The date the membership ends", errors);
        if (errors.isEmpty()) {
            try {
                admin.endMembership(callers.regionalUser(authentication), code, new MemorandumAdministration.EndMembership(to));
                return HttpResponse.seeOther(URI.create(BACK));
            } catch (ApiProblem problem) {
                FormFields.refused(problem, "endOn-day", errors);
            }
        }
        return endPage(request, authentication, code, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Get(value = "/terms/new", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> newTermsPage(HttpRequest<?> request, Authentication authentication) {
        Caller caller = callers.regionalUser(authentication);
        MemorandumTerms current = memoranda.memorandum(caller.regionCode().orElseThrow(), null).termsInForce();
        Map<String, String> form = new HashMap<>();
        if (current != null) {
            MemorandumTerms.DataSharingAgreement dsa = current.dataSharingAgreement();
            form.put("coolingOffMonths", String.valueOf(current.coolingOffMonths()));
            form.put("referenceStandardVersion", current.referenceStandardVersion());
            form.put("smallCountThreshold", String.valueOf(current.smallCountThreshold()));
            form.put("dsaPurpose", dsa.purpose());
            form.put("dsaLawfulBasis", dsa.lawfulBasis());
            form.put("dsaDataItems", String.join("\n", dsa.dataItems()));
            form.put("retentionReturnsMonths", String.valueOf(dsa.retentionMonths().returns()));
            form.put("retentionReferencesMonths", String.valueOf(dsa.retentionMonths().references()));
            form.put("retentionAuditMonths", String.valueOf(dsa.retentionMonths().audit()));
        }
        return termsPage(request, caller, current, form, List.of(), HttpStatus.OK);
    }

    @Post(value = "/terms", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> newTerms(HttpRequest<?> request, Authentication authentication, @Body Map<String, String> form) {
        Caller caller = callers.regionalUser(authentication);
        List<Map<String, Object>> errors = new ArrayList<>();
        LocalDate from = FormFields.requiredDate(form, "termsFrom", "The date the new terms take effect", errors);
        Integer coolingOff = whole(form, "coolingOffMonths", 3, 24,
                "Enter the cooling-off period as whole months from 3 (the statutory minimum) to 24", errors);
        String standard = text(form, "referenceStandardVersion", 20, "Name the version of the reference standard, for example 1.0", errors);
        Integer threshold = whole(form, "smallCountThreshold", 1, 100, "Enter the smallest count shown as a whole number from 1 to 100", errors);
        String purpose = text(form, "dsaPurpose", 2000, "State the purpose of the data sharing, in up to 2,000 characters", errors);
        String basis = text(form, "dsaLawfulBasis", 500, "State the lawful basis, for example Public task: UK GDPR Article 6(1)(e)", errors);
        List<String> items = Arrays.stream(form.getOrDefault("dsaDataItems", "").split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty() || items.stream().anyMatch(s -> s.length() > 200)) {
            errors.add(Pages.row("link", "dsaDataItems", "message", "List the data items shared, one a line, each in up to 200 characters"));
        }
        Integer returns = whole(form, "retentionReturnsMonths", 1, 600, "Enter how many months returns are kept, from 1 to 600", errors);
        Integer references = whole(form, "retentionReferencesMonths", 1, 600, "Enter how many months references are kept, from 1 to 600", errors);
        Integer audit = whole(form, "retentionAuditMonths", 1, 600, "Enter how many months the audit trail is kept, from 1 to 600", errors);
        String reason = text(form, "changeReason", 1000, "Say why the terms change, for example Phase 2 agreed by the regional DCS group on 3 March", errors);
        MemorandumTerms current = memoranda.memorandum(caller.regionCode().orElseThrow(), null).termsInForce();
        if (errors.isEmpty()) {
            try {
                admin.newTerms(callers.regionalUser(authentication), new NewTerms(from, coolingOff, standard, threshold, purpose, basis, items, returns,
                        references, audit, reason));
                return HttpResponse.seeOther(URI.create(BACK));
            } catch (ApiProblem problem) {
                FormFields.refused(problem, "termsFrom-day", errors);
            } catch (ConstraintViolationException invalid) {
                invalid.getConstraintViolations().forEach(v -> errors.add(Pages.row("link", "termsFrom-day", "message",
                        v.getPropertyPath() + ": " + v.getMessage())));
            }
        }
        return termsPage(request, caller, current, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private HttpResponse<String> endPage(HttpRequest<?> request, Authentication authentication, String code, Map<String, String> form,
                                         List<Map<String, Object>> errors, HttpStatus status) {
        Caller caller = callers.regionalUser(authentication);
        String region = caller.regionCode().orElseThrow();
        Membership member = memoranda.memorandum(region, null).members().stream().filter(m -> m.authorityCode().equals(code)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("There is no current member " + code + " of your memorandum."));
        Map<String, Object> model = pages.model(request, caller, (errors.isEmpty() ? "" : "Error: ") + "End " + member.authorityName() + "'s membership");
        model.put("member", Pages.row("code", member.authorityCode(), "name", member.authorityName(), "phase", member.phase(),
                "from", exchange.workforce.web.GovukDates.format(member.effectiveFrom())));
        return html.page(status, "membership-end", Pages.withForm(model, form, errors), request);
    }

    private HttpResponse<String> termsPage(HttpRequest<?> request, Caller caller, MemorandumTerms current, Map<String, String> form,
                                           List<Map<String, Object>> errors, HttpStatus status) {
        Map<String, Object> model = pages.model(request, caller, (errors.isEmpty() ? "" : "Error: ") + "Record new terms");
        model.put("region", regions.region(caller.regionCode().orElseThrow()).map(r -> r.name()).orElse(""));
        model.put("current", current == null ? null : Pages.row("version", current.version(), "from", exchange.workforce.web.GovukDates.format(current.effectiveFrom())));
        return html.page(status, "terms-new", Pages.withForm(model, form, errors), request);
    }


    private static Integer whole(Map<String, String> form, String field, int min, int max, String message, List<Map<String, Object>> errors) {
        try {
            int value = Integer.parseInt(form.getOrDefault(field, "").trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // the message below says what is wanted
        }
        errors.add(Pages.row("link", field, "message", message));
        return null;
    }

    private static String text(Map<String, String> form, String field, int max, String message, List<Map<String, Object>> errors) {
        String value = blank(form.get(field));
        if (value == null || value.length() > max) {
            errors.add(Pages.row("link", field, "message", message));
            return null;
        }
        return value;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

}
