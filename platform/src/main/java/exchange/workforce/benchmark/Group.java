package exchange.workforce.benchmark;

import java.util.List;

/**
 * A comparison group on one day: its units (an authority, or a joint return DfE publishes as one) and on what basis
 * they were chosen: "memorandum" (members on the day), "dfe-geography" (the authorities of the region that existed
 * on the day), "statistical-neighbours", "england", "custom".
 *
 * @param dfeArea the region or England whose published figure is exactly this group's, where it is one (else null)
 * @param subjects for statistical neighbours, the authority compared (one unit, or its successors or predecessors)
 */
record Group(String spec, String name, String basis, String regionCode, String dfeArea, List<Unit> subjects, List<Unit> units) {

    /** @param authorities the authorities the unit stands for (two for a joint return) */
    record Unit(String code, String name, List<String> authorities) {
    }

    /** The units compared: the members, and for neighbours the subject too. */
    List<Unit> compared() {
        if (subjects.isEmpty()) {
            return units;
        }
        List<Unit> all = new java.util.ArrayList<>(units);
        all.addAll(subjects);
        return all;
    }
}
