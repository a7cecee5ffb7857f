package exchange.workforce.identity;

/** The roles a token may carry (claim "roles"). Regional roles come with a region claim, the others with an authority claim. */
public enum Role {
    AUTHORITY_SUBMITTER,
    AUTHORITY_VIEWER,
    REFERENCE_OFFICER,
    REGIONAL_VIEWER,
    PLANNER,
    REGION_ADMIN;

    public static final String CLAIM = "roles";
}
