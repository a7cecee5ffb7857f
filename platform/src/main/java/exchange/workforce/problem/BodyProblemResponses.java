package exchange.workforce.problem;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The problem responses an operation that stores what it is sent may also answer, documented once for the OpenAPI spec (413 is in ProblemResponses). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ApiResponse(responseCode = "409", description = "It conflicts with what is stored (code says how: already a member, already answered, a cap for those dates)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "415", description = "The body is not of a type this operation reads (Content-Type)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
public @interface BodyProblemResponses {
}
