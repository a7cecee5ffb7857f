package exchange.workforce.benchmark;

import java.util.List;

/**
 * A comparison group for one period: its units (an authority, or a joint return DfE publishes as one) and on what
 * basis they were chosen: "memorandum" (members on the period's last day), "dfe-geography" (the authorities DfE
 * published in the region that year, before any memorandum was in force), "statistical-neighbours", "england",
 * "custom".
 */
record Group(String spec, String name, String basis, String regionCode, List<Unit> units) {

    /** @param authorities the authorities the unit stands for (two for a joint return) */
    record Unit(String code, String name, List<String> authorities) {
    }
}
