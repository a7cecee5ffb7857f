package exchange.workforce.problem;

import exchange.workforce.operations.RequestIds;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Input refused at the edge: 400, naming the field (a JSON pointer, or the parameter) and the limit. */
@Produces
@Singleton
public class InputRefusedHandler implements ExceptionHandler<InputRefused, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, InputRefused refused) {
        return HttpResponse.<Problem>status(ProblemCode.MALFORMED_REQUEST.status())
                .body(Problem.of(ProblemCode.MALFORMED_REQUEST, refused.field(), refused.getMessage(), RequestIds.of(request), null))
                .contentType(Problem.MEDIA_TYPE);
    }
}
