package exchange.workforce.memorandum;

import exchange.workforce.identity.Caller;
import exchange.workforce.identity.Callers;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.tenancy.Regions;
import exchange.workforce.web.DateGiven;
import exchange.workforce.web.DateInput;
import exchange.workforce.web.FieldError;
import exchange.workforce.web.Form;
import exchange.workforce.web.FormCheck;
import exchange.workforce.web.FormFields;
import exchange.workforce.web.FormNumbers;
import exchange.workforce.web.Entered;
import exchange.workforce.web.Layout;
import exchange.workforce.web.PageView;
import exchange.workforce.web.Html;
import exchange.workforce.web.Lines;
import exchange.workforce.web.Pages;
import exchange.workforce.web.RealDate;
import exchange.workforce.web.WholeNumber;
import io.micronaut.core.annotation.Introspected;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.ArrayList;
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
    private final FormCheck check;

    public MemorandumAdministrationPage(Callers callers, MemorandumAdministration admin, Memoranda memoranda, Regions regions,
                                        Pages pages, Html html, FormCheck check) {
        this.callers = callers;
        this.admin = admin;
        this.memoranda = memoranda;
        this.regions = regions;
        this.pages = pages;
        this.html = html;
        this.check = check;
    }

    @Get(value = "/members/{code}/end", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> endMembershipPage(HttpRequest<?> request, Authentication authentication, @PathVariable String code) {
        return endPage(request, authentication, code, null, List.of(), HttpStatus.OK);
    }

    /** The day a council's membership ends. */
    @Introspected
    public record EndForm(@DateGiven(message = "Enter the date the membership ends")
                          @RealDate(message = "The date the membership ends must be a real date, for example 27 3 2026") DateInput endOn)
            implements Form {
    }

    @Post(value = "/members/{code}/end", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> endMembership(HttpRequest<?> request, Authentication authentication, @PathVariable String code,
                                              @Body EndForm form) {
        List<FieldError> errors = new ArrayList<>(check.problems(form));
        if (errors.isEmpty()) {
            try {
                admin.endMembership(callers.regionalUser(authentication), code, new MemorandumAdministration.EndMembership(form.endOn().orNull()));
                return HttpResponse.seeOther(URI.create(BACK));
            } catch (ApiProblem problem) {
                errors.addAll(FormFields.refusedAt(problem, "endOn-day"));
            }
        }
        return endPage(request, authentication, code, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Get(value = "/terms/new", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> newTermsPage(HttpRequest<?> request, Authentication authentication) {
        Caller caller = callers.regionalUser(authentication);
        MemorandumTerms current = memoranda.memorandum(caller.regionCode().orElseThrow(), null).termsInForce();
        TermsForm form = null;
        if (current != null) {
            MemorandumTerms.DataSharingAgreement dsa = current.dataSharingAgreement();
            form = new TermsForm(DateInput.EMPTY, String.valueOf(current.coolingOffMonths()), current.referenceStandardVersion(),
                    String.valueOf(current.smallCountThreshold()), dsa.purpose(), dsa.lawfulBasis(), String.join("\n", dsa.dataItems()),
                    String.valueOf(dsa.retentionMonths().returns()), String.valueOf(dsa.retentionMonths().references()),
                    String.valueOf(dsa.retentionMonths().audit()), null);
        }
        return termsPage(request, caller, current, form, List.of(), HttpStatus.OK);
    }

    /** New terms as typed: when they take effect, the memorandum's numbers and the data sharing agreement, and why they change. */
    @Introspected
    public record TermsForm(
            @DateGiven(message = "Enter the date the new terms take effect")
            @RealDate(message = "The date the new terms take effect must be a real date, for example 27 3 2026") DateInput termsFrom,
            @NotNull(message = COOLING_OFF) @WholeNumber(min = 3, max = 24, message = COOLING_OFF) String coolingOffMonths,
            @NotNull(message = STANDARD) @Size(max = 20, message = STANDARD) String referenceStandardVersion,
            @NotNull(message = THRESHOLD) @WholeNumber(min = 1, max = 100, message = THRESHOLD) String smallCountThreshold,
            @NotNull(message = PURPOSE) @Size(max = 2000, message = PURPOSE) String dsaPurpose,
            @NotNull(message = BASIS) @Size(max = 500, message = BASIS) String dsaLawfulBasis,
            @Lines(maxLength = 200, message = ITEMS) String dsaDataItems,
            @NotNull(message = RETURNS) @WholeNumber(min = 1, max = 600, message = RETURNS) String retentionReturnsMonths,
            @NotNull(message = REFERENCES) @WholeNumber(min = 1, max = 600, message = REFERENCES) String retentionReferencesMonths,
            @NotNull(message = AUDIT) @WholeNumber(min = 1, max = 600, message = AUDIT) String retentionAuditMonths,
            @NotNull(message = REASON) @Size(max = 1000, message = REASON) String changeReason) implements Form {

        NewTerms terms() {
            return new NewTerms(termsFrom.orNull(), FormNumbers.whole(coolingOffMonths), referenceStandardVersion, FormNumbers.whole(smallCountThreshold),
                    dsaPurpose, dsaLawfulBasis, Lines.Of.items(dsaDataItems), FormNumbers.whole(retentionReturnsMonths), FormNumbers.whole(retentionReferencesMonths),
                    FormNumbers.whole(retentionAuditMonths), changeReason);
        }
    }

    private static final String COOLING_OFF = "Enter the cooling-off period as whole months from 3 (the statutory minimum) to 24";
    private static final String STANDARD = "Name the version of the reference standard, for example 1.0";
    private static final String THRESHOLD = "Enter the smallest count shown as a whole number from 1 to 100";
    private static final String PURPOSE = "State the purpose of the data sharing, in up to 2,000 characters";
    private static final String BASIS = "State the lawful basis, for example Public task: UK GDPR Article 6(1)(e)";
    private static final String ITEMS = "List the data items shared, one a line, each in up to 200 characters";
    private static final String RETURNS = "Enter how many months returns are kept, from 1 to 600";
    private static final String REFERENCES = "Enter how many months references are kept, from 1 to 600";
    private static final String AUDIT = "Enter how many months the audit trail is kept, from 1 to 600";
    private static final String REASON = "Say why the terms change, for example Phase 2 agreed by the regional DCS group on 3 March";

    @Post(value = "/terms", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> newTerms(HttpRequest<?> request, Authentication authentication, @Body TermsForm form) {
        Caller caller = callers.regionalUser(authentication);
        List<FieldError> errors = new ArrayList<>(check.problems(form));
        MemorandumTerms current = memoranda.memorandum(caller.regionCode().orElseThrow(), null).termsInForce();
        if (errors.isEmpty()) {
            try {
                admin.newTerms(callers.regionalUser(authentication), form.terms());
                return HttpResponse.seeOther(URI.create(BACK));
            } catch (ApiProblem problem) {
                errors.addAll(FormFields.refusedAt(problem, "termsFrom-day"));
            } catch (ConstraintViolationException invalid) {
                invalid.getConstraintViolations().forEach(v -> errors.add(new FieldError("termsFrom-day", v.getPropertyPath() + ": " + v.getMessage())));
            }
        }
        return termsPage(request, caller, current, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private HttpResponse<String> endPage(HttpRequest<?> request, Authentication authentication, String code, EndForm form,
                                         List<FieldError> errors, HttpStatus status) {
        Caller caller = callers.regionalUser(authentication);
        String region = caller.regionCode().orElseThrow();
        Membership member = memoranda.memorandum(region, null).members().stream().filter(m -> m.authorityCode().equals(code)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("There is no current member " + code + " of your memorandum."));
        return html.page(status, "membership-end", new EndView(pages.layout(request, caller, (errors.isEmpty() ? "" : "Error: ") + "End "
                + member.authorityName() + "'s membership"), Entered.of(form, errors), Pages.row("code", member.authorityCode(),
                "name", member.authorityName(), "phase", member.phase(), "from", exchange.workforce.web.GovukDates.format(member.effectiveFrom()))), request);
    }

    private HttpResponse<String> termsPage(HttpRequest<?> request, Caller caller, MemorandumTerms current, TermsForm form,
                                           List<FieldError> errors, HttpStatus status) {
        return html.page(status, "terms-new", new TermsView(pages.layout(request, caller, (errors.isEmpty() ? "" : "Error: ") + "Record new terms"),
                Entered.of(form, errors), regions.region(caller.regionCode().orElseThrow()).map(r -> r.name()).orElse(""),
                current == null ? null : Pages.row("version", current.version(), "from", exchange.workforce.web.GovukDates.format(current.effectiveFrom()))),
                request);
    }

    /** Ending a council's membership: who, in which phase, since when; and the date it ends. */
    record EndView(Layout layout, Entered entered, Map<String, Object> member) implements PageView {
    }

    /** New terms for the region's memorandum, starting from the terms in force. */
    record TermsView(Layout layout, Entered entered, String region, Map<String, Object> current) implements PageView {
    }
}
