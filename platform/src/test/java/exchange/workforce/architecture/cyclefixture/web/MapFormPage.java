package exchange.workforce.architecture.cyclefixture.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;

import java.util.Map;

/** A page taking its form as a map of text: the rule "a posted form is a Form record" must report it. */
@FixtureController
public class MapFormPage {

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    String save(@Body Map<String, String> form) {
        return form.get("name");
    }
}
