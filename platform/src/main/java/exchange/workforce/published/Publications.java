package exchange.workforce.published;

import java.util.List;
import java.util.Locale;

/** DfE's publications the platform knows, named by their files, with the credit their figures must carry. */
public final class Publications {

    /** The files bundled with the platform and loaded on a first local start. */
    public static final List<String> BUNDLED = List.of("csww_indicators_2017_to_2023.csv", "cin_referrals_2013_to_2023.csv",
            "children_in_need_2013_to_2023.csv", "child_protection_plans_2013_to_2023.csv");

    private static final String WORKFORCE = "Department for Education, Children's social work workforce (Open Government Licence v3.0)";
    private static final String CHILDREN_IN_NEED = "Department for Education, Characteristics of children in need (Open Government Licence v3.0)";

    private Publications() {
    }

    /** csww_indicators_2017_to_2023.csv → csww_indicators: the name without the years it covers. */
    static String publicationOf(String fileName) {
        String base = fileName.substring(fileName.lastIndexOf('/') + 1).replaceFirst("(?i)\\.csv$", "");
        return base.replaceFirst("_[0-9]{4}_to_[0-9]{4}$", "").toLowerCase(Locale.ROOT);
    }

    static String sourceOf(String publication) {
        if (publication.startsWith("csww")) {
            return WORKFORCE;
        }
        if (publication.startsWith("cin") || publication.startsWith("children_in_need") || publication.startsWith("child_protection")) {
            return CHILDREN_IN_NEED;
        }
        return "Department for Education, " + publication + " (Open Government Licence v3.0)";
    }
}
