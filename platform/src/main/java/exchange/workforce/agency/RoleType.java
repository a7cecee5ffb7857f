package exchange.workforce.agency;

/**
 * DfE's five agency role types (operational data and price cap guidance), each with the words a person reads. The
 * fifth is spelled IRO_CP_CHAIR, as DfE's census, the measure catalogue and the reference template spell it.
 */
public enum RoleType {
    SOCIAL_WORKER("Social worker"),
    SENIOR_SOCIAL_WORKER("Senior social worker"),
    ADVANCED_PRACTITIONER("Advanced practitioner (including assistant team managers and principal social workers)"),
    TEAM_MANAGER("Team manager"),
    IRO_CP_CHAIR("Independent reviewing officer or child protection conference chair");

    /** How the agency pages and files spelled IRO_CP_CHAIR before 2026-11-23: still read, so a file made then still reads. */
    private static final String EARLIER_SPELLING = "IRO_OR_CP_CHAIR";

    private final String label;

    RoleType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value of the catalogue's role dimension for this role type: its own name. */
    public String catalogueRole() {
        return name();
    }

    /** The role type named, or null. */
    static RoleType named(String name) {
        if (name == null) {
            return null;
        }
        if (EARLIER_SPELLING.equalsIgnoreCase(name.trim())) {
            return IRO_CP_CHAIR;
        }
        for (RoleType type : values()) {
            if (type.name().equalsIgnoreCase(name.trim())) {
                return type;
            }
        }
        return null;
    }
}
