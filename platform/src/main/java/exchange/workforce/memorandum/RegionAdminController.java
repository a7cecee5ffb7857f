package exchange.workforce.memorandum;

import exchange.workforce.contacts.Contact;
import exchange.workforce.identity.Callers;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;

/** What a region administrator changes: the memorandum's terms (as new versions) and its members. Region from the token. */
@Controller("/api/v1/region")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Region administration")
@exchange.workforce.problem.ProblemResponses
public class RegionAdminController {

    private final Callers callers;
    private final MemorandumAdministration administration;

    public RegionAdminController(Callers callers, MemorandumAdministration administration) {
        this.callers = callers;
        this.administration = administration;
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/terms")
    @Secured("REGION_ADMIN")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "regionAdminNewTerms", summary = "Record a new version of your memorandum's terms",
            description = "Earlier versions stay as they were; the new one is in force from its effectiveFrom.")
    public MemorandumTerms newTerms(Authentication authentication, @Body @Valid NewTerms terms) {
        return administration.newTerms(callers.regionalUser(authentication), terms);
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/members")
    @Secured("REGION_ADMIN")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "regionAdminAddMember", summary = "Add an authority of your region to the memorandum",
            description = "authorityCode, phase and effectiveFrom; with effectiveTo, a membership that has ended (a pilot before the current "
                    + "phase, say), which must not overlap another of the authority's memberships. The impact estimate "
                    + "(GET /api/v1/region/impact) counts from the start of an unbroken membership.")
    public List<Membership> addMember(Authentication authentication, @Body @Valid MemorandumAdministration.NewMember member) {
        return administration.addMember(callers.regionalUser(authentication), member);
    }

    @exchange.workforce.problem.BodyProblemResponses
    @Post("/members/{authorityCode}/end")
    @Secured("REGION_ADMIN")
    @Operation(operationId = "regionAdminEndMembership", summary = "End an authority's membership of your memorandum on a date")
    public List<Membership> endMembership(Authentication authentication, @PathVariable String authorityCode,
                                          @Body @Valid MemorandumAdministration.EndMembership end) {
        return administration.endMembership(callers.regionalUser(authentication), authorityCode, end);
    }

    @Get("/contacts")
    @Secured({"REGION_ADMIN", "REGIONAL_VIEWER"})
    @Operation(operationId = "regionAdminContacts", summary = "The named contacts of your region's authorities, e.g. to chase a return")
    public List<Contact> contacts(Authentication authentication) {
        return administration.contacts(callers.regionalUser(authentication));
    }
}
