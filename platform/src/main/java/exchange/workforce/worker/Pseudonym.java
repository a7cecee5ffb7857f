package exchange.workforce.worker;

/** A worker's pseudonym and the key version that made it. */
public record Pseudonym(String value, int keyVersion) {
}
