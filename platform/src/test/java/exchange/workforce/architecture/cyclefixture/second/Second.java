package exchange.workforce.architecture.cyclefixture.second;

import exchange.workforce.architecture.cyclefixture.first.First;

/** The other half of the deliberate package cycle. */
public class Second {
    First first;
}
