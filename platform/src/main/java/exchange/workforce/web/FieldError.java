package exchange.workforce.web;

/**
 * One row of a page's error summary: the message, in the page's words, and the id of the box it links to; {@code field}
 * is the box the message is shown beside (the same, but where a group of boxes shares one message).
 */
public record FieldError(String field, String link, String message) {

    public FieldError(String link, String message) {
        this(link, link, message);
    }
}
