package exchange.workforce.architecture.cyclefixture.web;

import io.micronaut.context.annotation.Value;

/** Reads a setting by @Value: the settings rule must report it. */
public class SettingByValue {

    private final String site;

    public SettingByValue(@Value("${wfx.public-url}") String site) {
        this.site = site;
    }

    public String site() {
        return site;
    }
}
