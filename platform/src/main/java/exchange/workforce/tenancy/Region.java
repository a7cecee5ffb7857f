package exchange.workforce.tenancy;

import io.micronaut.serde.annotation.Serdeable;

/** A region of England, and the scope of its memorandum of cooperation. */
@Serdeable
public record Region(String code, String name, int currentMembers) {
}
