package exchange.workforce.config;

/** A configuration mistake an operator can fix; its message says how. The service refuses to start. */
public class ConfigurationProblem extends RuntimeException {
    public ConfigurationProblem(String message) {
        super(message);
    }

    public ConfigurationProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
