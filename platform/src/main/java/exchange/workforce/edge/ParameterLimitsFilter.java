package exchange.workforce.edge;

import exchange.workforce.operations.RequestIds;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.List;
import java.util.Map;

/** Query parameters meet the same text limits as body fields: no control characters, no overlong values. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ParameterLimitsFilter {

    @RequestFilter
    @Nullable
    public HttpResponse<Problem> check(HttpRequest<?> request) {
        for (Map.Entry<String, List<String>> parameter : request.getParameters()) {
            String nameProblem = InputLimits.textProblem(parameter.getKey());
            if (nameProblem != null) {
                return refuse(request, null, "A query parameter name " + nameProblem + ".");
            }
            for (String value : parameter.getValue()) {
                String problem = InputLimits.textProblem(value);
                if (problem != null) {
                    return refuse(request, parameter.getKey(), "The query parameter '" + parameter.getKey() + "' " + problem + ".");
                }
            }
        }
        return null;
    }

    private static HttpResponse<Problem> refuse(HttpRequest<?> request, String field, String detail) {
        return HttpResponse.<Problem>status(ProblemCode.MALFORMED_REQUEST.status())
                .body(Problem.of(ProblemCode.MALFORMED_REQUEST, field, detail, RequestIds.of(request), null))
                .contentType(Problem.MEDIA_TYPE);
    }
}
