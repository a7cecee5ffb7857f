package exchange.workforce.agency;

/** DfE's five agency role types (operational data and price cap guidance), each with the words a person reads. */
public enum RoleType {
    SOCIAL_WORKER("Social worker"),
    SENIOR_SOCIAL_WORKER("Senior social worker"),
    ADVANCED_PRACTITIONER("Advanced practitioner (including assistant team managers and principal social workers)"),
    TEAM_MANAGER("Team manager"),
    IRO_OR_CP_CHAIR("Independent reviewing officer or child protection conference chair");

    private final String label;

    RoleType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value of the catalogue's role dimension for this role type (DfE's census spells the last one IRO_CP_CHAIR). */
    public String catalogueRole() {
        return this == IRO_OR_CP_CHAIR ? "IRO_CP_CHAIR" : name();
    }

    /** The role type named, or null. */
    static RoleType named(String name) {
        if (name == null) {
            return null;
        }
        for (RoleType type : values()) {
            if (type.name().equalsIgnoreCase(name.trim())) {
                return type;
            }
        }
        return null;
    }
}
