package exchange.workforce.architecture.cyclefixture.first;

import exchange.workforce.architecture.cyclefixture.second.Second;

/** Half of a deliberate package cycle, to show ArchitectureTest's rule catches one. Not used by anything. */
public class First {
    Second second;
}
