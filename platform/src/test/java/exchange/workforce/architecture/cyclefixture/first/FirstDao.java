package exchange.workforce.architecture.cyclefixture.first;

/** A DAO of the fixture's first feature, read by the second to show ArchitectureTest's DAO rule catches it. */
public class FirstDao {
}
