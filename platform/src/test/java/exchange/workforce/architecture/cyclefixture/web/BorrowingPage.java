package exchange.workforce.architecture.cyclefixture.web;

/** A page calling another controller: the rule "a controller never calls another" must report it. */
@FixtureController
public class BorrowingPage {
    ApiController api;

    String render() {
        return api.answer();
    }
}
