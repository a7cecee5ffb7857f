package exchange.workforce.returns;

import exchange.workforce.identity.Caller;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.memorandum.ExitThemeList;
import exchange.workforce.memorandum.ExitThemes;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a return asks, from the catalogue: every measure a council types in and every value of its breakdowns, grouped in
 * the catalogue's themes. The one list the templates' rows and the online return's question pages are made from: the
 * catalogue's values, the memorandum's own exit-interview themes, and for a breakdown the council names itself (its
 * offices) the names it has already given.
 */
@Singleton
public class ReturnQuestions {

    /**
     * One figure asked for. {@code key} is "measure|breakdown" ("inpost_fte|" for a total), as drafts keep answers;
     * {@code id} is the same made safe for an HTML id and a link to it.
     */
    public record Question(String key, String id, String measure, String label, String unit, String definition,
                           String breakdown, String breakdownWords, boolean total) {
    }

    /** A theme's questions: a measure's total, then each value of its breakdowns. */
    public record Section(String theme, String title, List<Question> questions) {
    }

    private final MeasureCatalogue catalogue;
    private final ExitThemes exitThemes;

    public ReturnQuestions(MeasureCatalogue catalogue, ExitThemes exitThemes) {
        this.catalogue = catalogue;
        this.exitThemes = exitThemes;
    }

    /**
     * Every question of a return for this caller's council, in the catalogue's order, grouped by theme.
     *
     * @param given answers the council already has (a draft, a stored version), keyed as {@link Question#key()}: where a
     *              breakdown's values are the council's own (offices), these name them
     */
    public List<Section> sections(Caller caller, Collection<String> given) {
        Map<String, List<Question>> byTheme = new LinkedHashMap<>();
        MeasureCatalogue.THEMES.keySet().forEach(theme -> byTheme.put(theme, new ArrayList<>()));
        for (Question question : all(caller, given)) {
            String theme = catalogue.measure(question.measure()).map(MeasureCatalogue.Measure::theme).orElse("workforce");
            byTheme.computeIfAbsent(theme, t -> new ArrayList<>()).add(question);
        }
        List<Section> sections = new ArrayList<>();
        byTheme.forEach((theme, questions) -> {
            if (!questions.isEmpty()) {
                sections.add(new Section(theme, MeasureCatalogue.THEMES.getOrDefault(theme, MeasureCatalogue.words(theme)), List.copyOf(questions)));
            }
        });
        return sections;
    }

    /** Every question, in the catalogue's order (as the templates list them): a measure's total, then its breakdowns. */
    public List<Question> all(Caller caller, Collection<String> given) {
        ExitThemeList themes = exitThemes.forCaller(caller);
        List<Question> questions = new ArrayList<>();
        for (MeasureCatalogue.Measure measure : catalogue.measures()) {
            if (!measure.submitted()) {
                continue;
            }
            questions.add(question(measure, "", ""));
            for (String code : measure.breakdowns()) {
                catalogue.dimension(code).ifPresent(dimension -> values(measure, dimension, themes, given).forEach((value, words) ->
                        questions.add(question(measure, dimension.code() + "=" + value, dimension.label() + ": " + words))));
            }
        }
        return questions;
    }

    private static Question question(MeasureCatalogue.Measure measure, String breakdown, String words) {
        String key = measure.code() + "|" + breakdown;
        return new Question(key, id(key), measure.code(), measure.label(), measure.unit(), measure.definition(), breakdown, words,
                breakdown.isEmpty());
    }

    /** "leavers_fte|leaving_reason=RESIGNATION" → "figure-leavers_fte-leaving_reason-RESIGNATION": letters, digits, - and _ only. */
    public static String id(String key) {
        return "figure-" + key.replaceAll("[^A-Za-z0-9_]+", "-").replaceAll("-+$", "");
    }

    /** Each value of a breakdown with its words, in order. */
    private static Map<String, String> values(MeasureCatalogue.Measure measure, MeasureCatalogue.Dimension dimension, ExitThemeList themes,
                                              Collection<String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        if (dimension.keptByTheRegion()) {
            themes.themes().forEach(theme -> values.put(theme.code(), theme.label()));
        } else if (dimension.namedByTheCouncil()) {
            String prefix = measure.code() + "|" + dimension.code() + "=";
            new TreeSet<>(given.stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).toList())
                    .forEach(value -> values.put(value, MeasureCatalogue.words(value)));
        } else {
            dimension.values().forEach(value -> values.put(value, MeasureCatalogue.words(value)));
        }
        return values;
    }
}
