package exchange.workforce.architecture.cyclefixture.second;

import exchange.workforce.architecture.cyclefixture.first.First;
import exchange.workforce.architecture.cyclefixture.first.FirstDao;

/** The other half of the deliberate package cycle; it also reads the first feature's DAO, which the DAO rule forbids. */
public class Second {
    First first;
    FirstDao firstsTable;
}
