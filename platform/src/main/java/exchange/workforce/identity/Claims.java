package exchange.workforce.identity;

/** Names of the token claims the platform reads besides the standard ones. */
public final class Claims {
    /** ONS GSS code of the user's authority, e.g. E10000016. */
    public static final String AUTHORITY = "authority";
    /** ONS code of the region, for regional users, e.g. E12000008. */
    public static final String REGION = "region";

    private Claims() {
    }
}
