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
        if (code == ProblemCode.SERVICE_UNAVAILABLE) {
            LOG.warn("Database unavailable for {} {} (request {}): {}", request.getMethod(), request.getPath(), requestId,
                    exception.getMessage());
        } else {
            LOG.error("Unexpected failure of {} {} (request {})", request.getMethod(), request.getPath(), requestId, exception);
        }
        String detail = code == ProblemCode.SERVICE_UNAVAILABLE
                ? "The database cannot be reached just now. Please try again in a minute."
                : "The error has been logged; quote the request id " + requestId + " to the service desk.";
        var response = HttpResponse.<Problem>status(code.status())
                .body(Problem.of(code, null, detail, requestId, null))
                .contentType(Problem.MEDIA_TYPE);
        if (code == ProblemCode.SERVICE_UNAVAILABLE) {
            response.header(io.micronaut.http.HttpHeaders.RETRY_AFTER, "5");
        }
        return response;
    }

    /**
     * The database is down or restarting: no connection to be had, a connection that broke (SQL state class
     * 08), or the server shutting down or starting up (57P01 to 57P03). The work was not done, or was done
     * whole: a client retries, with its idempotency key for a submission.
     */
    static boolean isDatabaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException || t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}
