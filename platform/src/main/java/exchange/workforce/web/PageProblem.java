package exchange.workforce.web;

/** A page that cannot be shown, with the status and the words for the person: rendered as the error page. */
public class PageProblem extends RuntimeException {

    private final int status;
    private final String title;

    public PageProblem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
