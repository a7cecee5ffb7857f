package exchange.workforce.memorandum;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A region's list of exit-interview themes: the codes every member uses for why its social workers left
 * ({@code leavers_by_exit_theme}). Versioned like the memorandum's terms: version 0 is the catalogue's starting list,
 * which stands until the memorandum administrator records the region's own.
 *
 * @param recordedBy null for the starting list
 */
@Serdeable
public record ExitThemeList(String regionCode, int version, List<Theme> themes, @Nullable String reason,
                            @Nullable String recordedBy, @Nullable Instant recordedAt) {

    /** One theme: the code a return uses (exit_theme=PAY) and the words people read. */
    @Serdeable
    public record Theme(String code, String label) {
    }

    /** Whether this is the catalogue's starting list, not one the region recorded. */
    public boolean startingList() {
        return version == 0;
    }

    public List<String> codes() {
        return themes.stream().map(Theme::code).toList();
    }

    /** A new version as the administrator gives it: the themes' words, in order, and why the list changed. */
    @Serdeable
    public record NewList(@Nullable List<String> themes, @Nullable String reason) {
    }
}
