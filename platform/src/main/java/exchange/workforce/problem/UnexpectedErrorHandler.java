package exchange.workforce.problem;

import exchange.workforce.operations.RequestIds;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort: a fault of ours (never of the caller's input) is logged with its request id and
 * answered without internals. An unreachable database answers 503, so clients know to retry.
 */
@Produces
@Singleton
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Exception exception) {
        String requestId = RequestIds.of(request);
        ProblemCode code = isDatabaseUnreachable(exception) ? ProblemCode.SERVICE_UNAVAILABLE : ProblemCode.INTERNAL_ERROR;
        LOG.error("Unexpected failure of {} {} (request {})", request.getMethod(), request.getPath(), requestId, exception);
        String detail = code == ProblemCode.SERVICE_UNAVAILABLE
                ? "The database cannot be reached just now. Please try again in a minute."
                : "The error has been logged; quote the request id " + requestId + " to the service desk.";
        return HttpResponse.<Problem>status(code.status())
                .body(Problem.of(code, null, detail, requestId, null))
                .contentType(Problem.MEDIA_TYPE);
    }

    private static boolean isDatabaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException || t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
