package exchange.workforce.problem;

import io.micronaut.http.HttpStatus;

/**
 * Every error code the API answers with. Stable: clients and council officers' guidance rely on them.
 * docs/errors.md documents each one (a test keeps the two in step).
 */
public enum ProblemCode {
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "The request could not be read"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Sign-in needed"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed for your role"),
    NOT_AN_AUTHORITY_USER(HttpStatus.FORBIDDEN, "Only council users can do this"),
    NOT_A_REGIONAL_USER(HttpStatus.FORBIDDEN, "Only regional users can do this"),
    TOKEN_NAMES_UNKNOWN_AUTHORITY(HttpStatus.FORBIDDEN, "Your sign-in names an authority the platform does not know"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    UNREADABLE_FILE(HttpStatus.BAD_REQUEST, "The file could not be read"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Response format not available"),
    CONFLICT(HttpStatus.CONFLICT, "Conflicts with the current state"),
    PAYLOAD_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "Too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type"),
    VALIDATION_FAILED(HttpStatus.UNPROCESSABLE_ENTITY, "A rule was broken"),
    AUTHORITY_NOT_IN_REGION(HttpStatus.UNPROCESSABLE_ENTITY, "The authority is not in your region"),
    ALREADY_A_MEMBER(HttpStatus.CONFLICT, "Already a member"),
    INVALID_REGISTRATION_NUMBER(HttpStatus.UNPROCESSABLE_ENTITY, "Not a Social Work England registration number"),
    NOT_A_SIGNATORY(HttpStatus.FORBIDDEN, "Your authority is not a member of a memorandum"),
    WORKER_MISMATCH(HttpStatus.UNPROCESSABLE_ENTITY, "The registration number is not the requested worker's"),
    ALREADY_ANSWERED(HttpStatus.CONFLICT, "The request has already been answered"),
    RETURN_REJECTED(HttpStatus.UNPROCESSABLE_ENTITY, "The return breaks one or more rules; nothing was stored"),
    UPLOAD_REJECTED(HttpStatus.UNPROCESSABLE_ENTITY, "The file breaks one or more rules; nothing was stored"),
    CAP_BREACH_NOT_SIGNED_OFF(HttpStatus.UNPROCESSABLE_ENTITY, "A cost above the cap needs the Director's and the Chief Executive's sign-off"),
    RULE_NOT_MET(HttpStatus.UNPROCESSABLE_ENTITY, "An agency rule is not met and no reason for the exception was given"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY, "The idempotency key was used for a different request"),
    TERMS_EFFECTIVE_TOO_EARLY(HttpStatus.UNPROCESSABLE_ENTITY, "New terms cannot take effect before the terms they replace"),
    TERMS_EFFECTIVE_TOO_LATE(HttpStatus.UNPROCESSABLE_ENTITY, "New terms cannot take effect so far ahead"),
    TOO_MANY_LOOKUPS(HttpStatus.TOO_MANY_REQUESTS, "Too many look-ups; try again later"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "Too many requests; try again shortly"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side");

    private final HttpStatus status;
    private final String title;

    ProblemCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The code a framework-raised status maps to, when no more specific code applies. */
    public static ProblemCode forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION_FAILED;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }
}
