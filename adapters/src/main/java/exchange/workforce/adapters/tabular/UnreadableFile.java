package exchange.workforce.adapters.tabular;

/** An uploaded file that cannot be read as a table at all; the message says why, for a council officer. */
public class UnreadableFile extends RuntimeException {

    private final boolean tooLarge;

    public UnreadableFile(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
