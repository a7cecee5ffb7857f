package exchange.workforce.architecture.cyclefixture.web;

import exchange.workforce.architecture.cyclefixture.first.FirstDao;

/** An API controller holding a DAO: the rule "a controller never holds a DAO" must report it. */
@FixtureController
public class ApiController {
    FirstDao table;

    String answer() {
        return "figures";
    }
}
