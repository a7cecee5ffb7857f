package exchange.workforce.architecture.cyclefixture.web;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Stands for @Controller in the fixtures, so they prove the web rules without becoming routes of the test service. */
@Retention(RetentionPolicy.RUNTIME)
public @interface FixtureController {
}
