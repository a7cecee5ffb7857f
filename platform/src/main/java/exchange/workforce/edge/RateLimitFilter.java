package exchange.workforce.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import exchange.workforce.operations.RequestIds;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.util.HttpClientAddressResolver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Every API request counts against its caller's allowance for the minute ({@link RateLimitSettings}); every answer says
 * where the caller stands in the IETF draft's RateLimit headers (the limit, what remains, the seconds until the minute
 * ends, and the policy), and a request beyond the allowance is answered 429 with Retry-After, before security or any
 * feature spends work on it. It runs before sign-in is checked so that refused and unauthenticated answers carry the
 * headers too: the caller is its bearer token (kept only as a digest) or, without one, its address.
 */
@ServerFilter("/api/**")
public class RateLimitFilter implements Ordered {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    public static final String POLICY = "RateLimit-Policy";
    private static final String STANDING = "wfx.rate-limit.standing";
    private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();

    private final RateLimitSettings settings;
    private final HttpClientAddressResolver addresses;
    private final boolean trustedProxyHeader;
    private final Cache<String, Window> windows;

    public RateLimitFilter(RateLimitSettings settings, HttpClientAddressResolver addresses, HttpServerConfiguration server) {
        this.settings = settings;
        this.addresses = addresses;
        this.trustedProxyHeader = server.getClientAddressHeader() != null;
        this.windows = Caffeine.newBuilder().maximumSize(Math.max(1, settings.callersTracked()))
                .expireAfterAccess(Duration.ofMinutes(2)).build();
    }

    @RequestFilter
    @Nullable
    public MutableHttpResponse<Problem> count(HttpRequest<?> request) {
        long now = System.nanoTime();
        Standing standing = windows.get(caller(request), key -> new Window(now)).take(now, settings.requestsPerMinute());
        request.setAttribute(STANDING, standing);
        if (standing.allowed()) {
            return null;
        }
        MutableHttpResponse<Problem> refused = HttpResponse.<Problem>status(ProblemCode.TOO_MANY_REQUESTS.status())
                .body(Problem.of(ProblemCode.TOO_MANY_REQUESTS, null, "You have made " + settings.requestsPerMinute()
                        + " requests to the API in the last minute, the most one caller may make. Try again in "
                        + standing.resetSeconds() + (standing.resetSeconds() == 1 ? " second." : " seconds."), RequestIds.of(request), null))
                .contentType(Problem.MEDIA_TYPE);
        refused.header(HttpHeaders.RETRY_AFTER, String.valueOf(standing.resetSeconds()));
        tell(refused, standing); // a response this filter makes does not pass through its own response filter
        return refused;
    }

    @ResponseFilter
    public void tell(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(STANDING, Standing.class).ifPresent(standing -> tell(response, standing));
    }

    private void tell(MutableHttpResponse<?> response, Standing standing) {
        response.header(LIMIT, String.valueOf(settings.requestsPerMinute()));
        response.header(REMAINING, String.valueOf(standing.remaining()));
        response.header(RESET, String.valueOf(standing.resetSeconds()));
        response.header(POLICY, settings.requestsPerMinute() + ";w=60");
    }

    /**
     * The credential the request carries (a digest of it: the token itself is never kept), else the client's address: the
     * connection's own, or the header a trusted proxy sets where the operator names one
     * ({@code micronaut.server.client-address-header}); never a Forwarded or X-Forwarded-For header anyone could write.
     */
    private String caller(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            return "credential:" + digest(authorization.trim());
        }
        String address = trustedProxyHeader ? addresses.resolve(request)
                : request.getRemoteAddress() == null ? null : request.getRemoteAddress().getAddress() == null
                ? request.getRemoteAddress().getHostString() : request.getRemoteAddress().getAddress().getHostAddress();
        return "address:" + (address == null ? "unknown" : address);
    }

    private static String digest(String credential) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    /** Where a caller stands after one more request: whether it was allowed, how many remain, seconds until the reset. */
    record Standing(boolean allowed, int remaining, long resetSeconds) {
    }

    /** One caller's minute: when it began and how many requests it has held so far. */
    static final class Window {
        private long startedNanos;
        private int used;

        Window(long startedNanos) {
            this.startedNanos = startedNanos;
        }

        synchronized Standing take(long now, int limit) {
            if (now - startedNanos >= WINDOW_NANOS) {
                startedNanos = now;
                used = 0;
            }
            long resetSeconds = Math.max(1, (startedNanos + WINDOW_NANOS - now + 999_999_999L) / 1_000_000_000L);
            if (used >= limit) {
                return new Standing(false, 0, resetSeconds);
            }
            used++;
            return new Standing(true, limit - used, resetSeconds);
        }
    }
}
