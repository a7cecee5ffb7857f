package exchange.workforce.measures;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The measure catalogue (schemas/measures/catalogue.json): every measure's code, unit, kind, formula and definition. */
@Controller("/api/v1/measures")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Measures")
@exchange.workforce.problem.ProblemResponses
public class MeasureController {


    private final byte[] catalogue;

    public MeasureController() {
        try (InputStream in = MeasureController.class.getResourceAsStream(MeasureCatalogue.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The measure catalogue " + MeasureCatalogue.RESOURCE + " is missing from the build");
            }
            this.catalogue = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The measure catalogue (schemas/measures/catalogue.json, described by catalogue.schema.json)", content = {@io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Object.class))})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "measuresCatalogue", summary = "The measure catalogue: what each measure means, its unit, and how derived rates are computed")
    public HttpResponse<byte[]> catalogue() {
        return HttpResponse.ok(catalogue);
    }
}
