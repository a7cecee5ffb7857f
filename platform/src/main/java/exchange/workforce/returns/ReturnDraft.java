package exchange.workforce.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A council's return for one period as it is being entered in the browser: the answers so far, kept as typed (a draft is
 * never a figure), and the sections the officer has finished. Submitting it checks it as an upload is checked.
 */
@Serdeable
public record ReturnDraft(String authorityCode, PeriodType periodType, String period,
                          @Schema(description = "answers as typed, keyed \"measure|breakdown\" (\"inpost_fte|\" for a total, "
                                  + "\"leavers_fte|leaving_reason=RESIGNATION\" for a breakdown): a number, x or z")
                          Map<String, String> answers,
                          @Schema(description = "the themes whose question page the officer has saved") List<String> sectionsDone,
                          @Schema(description = "where the answers started: the version of an earlier return copied in, or none")
                          @Nullable String startedFrom,
                          String startedBy, String updatedBy, Instant updatedAt) {
}
