package exchange.workforce.problem;

import exchange.workforce.operations.RequestIds;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Produces
@Singleton
@Requires(classes = {ApiProblem.class, ExceptionHandler.class})
public class ApiProblemHandler implements ExceptionHandler<ApiProblem, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ApiProblem problem) {
        Problem body = Problem.of(problem.code(), problem.field(), problem.getMessage(),
                RequestIds.of(request), problem.violations());
        io.micronaut.http.MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(problem.code().status()).body(body)
                .contentType(Problem.MEDIA_TYPE);
        if (problem.retryAfterSeconds() != null) {
            response.header(io.micronaut.http.HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfterSeconds()));
        }
        return response;
    }
}
