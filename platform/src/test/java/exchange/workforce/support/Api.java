package exchange.workforce.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Calls the service as a client would, and gives back status and JSON body whatever the status. */
public final class Api {

    private final BlockingHttpClient client;
    private final JsonMapper json;

    public Api(BlockingHttpClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    public record Answer(int status, String contentType, String body, Map<String, Object> json) {
        public Object get(String field) {
            return json == null ? null : json.get(field);
        }
    }

    public Answer send(HttpRequest<?> request) {
        try {
            HttpResponse<String> response = client.exchange(request, String.class);
            return checked(request, response.code(), response.getContentType().map(Object::toString).orElse(null),
                    response.getBody(String.class).orElse(null));
        } catch (HttpClientResponseException e) {
            return checked(request, e.code(), e.getResponse().getContentType().map(Object::toString).orElse(null),
                    e.getResponse().getBody(String.class).orElse(null));
        }
    }

    public Answer get(String uri, String token) {
        return send(HttpRequest.GET(uri).bearerAuth(token));
    }

    public Answer post(String uri, String token, Object body) {
        return send(HttpRequest.POST(uri, body).bearerAuth(token));
    }

    public Answer put(String uri, String token, Object body) {
        return send(HttpRequest.PUT(uri, body).bearerAuth(token));
    }

    /** The answer, once {@link SpecConformance} has found it to be what the OpenAPI specification says it is. */
    private Answer checked(HttpRequest<?> request, int status, String contentType, String body) {
        SpecConformance.check(request, status, contentType, body);
        return answer(status, contentType, body);
    }

    @SuppressWarnings("unchecked")
    private Answer answer(int status, String contentType, String body) {
        Map<String, Object> parsed = null;
        if (body != null && body.startsWith("{")) {
            try {
                parsed = json.readValue(body, Argument.of(Map.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Answer(status, contentType, body, parsed);
    }
}
