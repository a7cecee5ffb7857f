package exchange.workforce.memorandum;

import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.problem.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a new list of exit-interview themes must be, each rule a reason a council officer reads: 2 to 40 themes, each in
 * 1 to 80 characters of words that make a code (PAY, LEAVING_THE_PROFESSION), no two the same, and a reason for any
 * change after the first list. The code is made from the words, so a list typed as words is coded the same way by
 * every member.
 */
final class ExitThemeListRules {

    static final int FEWEST = 2;
    static final int MOST = 40;
    static final int LONGEST_WORDS = 80;

    private ExitThemeListRules() {
    }

    /** The themes as coded, or the reasons the list cannot be recorded (each with its line, counting from 1). */
    record Verdict(List<ExitThemeList.Theme> themes, List<Problem.Violation> reasons) {
    }

    static Verdict check(ExitThemeList.NewList list, boolean replacesARecordedList) {
        List<Problem.Violation> reasons = new ArrayList<>();
        List<String> given = list.themes() == null ? List.of() : list.themes().stream()
                .map(t -> t == null ? "" : t.replace('\u00A0', ' ').trim()).filter(t -> !t.isEmpty()).toList();
        if (given.size() < FEWEST || given.size() > MOST) {
            reasons.add(new Problem.Violation("THEME_COUNT", "themes", null, "themes", "Give between " + FEWEST + " and " + MOST
                    + " themes, one a line; " + given.size() + (given.size() == 1 ? " was" : " were") + " given."));
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<ExitThemeList.Theme> themes = new ArrayList<>();
        for (int i = 0; i < Math.min(given.size(), MOST); i++) {
            String words = given.get(i);
            int line = i + 1;
            String code = code(words);
            if (words.length() > LONGEST_WORDS) {
                reasons.add(new Problem.Violation("THEME_TOO_LONG", "themes", line, "themes", "Theme " + line + " is " + words.length()
                        + " characters long; say it in up to " + LONGEST_WORDS + ", for example \"Caseload too high\"."));
            } else if (!MeasureCatalogue.COUNCILS_OWN_CODE.matcher(code).matches()) {
                reasons.add(new Problem.Violation("THEME_NOT_WORDS", "themes", line, "themes", "Theme " + line + " (\"" + words
                        + "\") needs letters or digits to make a code of; write it in words, for example \"Pay\"."));
            } else if (seen.containsKey(code)) {
                reasons.add(new Problem.Violation("THEME_TWICE", "themes", line, "themes", "Theme " + line + " (\"" + words
                        + "\") is the same as theme " + seen.get(code) + " (both are coded " + code + "); give each theme once."));
            } else {
                seen.put(code, line);
                themes.add(new ExitThemeList.Theme(code, words));
            }
        }
        String reason = list.reason() == null ? "" : list.reason().trim();
        if (replacesARecordedList && reason.isEmpty()) {
            reasons.add(new Problem.Violation("REASON_NEEDED", "reason", null, "reason", "Say why the list is changing: members "
                    + "will code their leavers by the new list from now on."));
        } else if (reason.length() > 500) {
            reasons.add(new Problem.Violation("REASON_TOO_LONG", "reason", null, "reason", "Say why in up to 500 characters."));
        }
        return new Verdict(List.copyOf(themes), List.copyOf(reasons));
    }

    /** "Leaving the profession" → LEAVING_THE_PROFESSION: capitals, digits and single underscores, at most 40 characters. */
    static String code(String words) {
        String code = words.toUpperCase(Locale.ROOT).replace("&", " AND ").replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        return code.length() > 40 ? code.substring(0, 40).replaceAll("_+$", "") : code;
    }

    /** LEAVING_THE_PROFESSION → "Leaving the profession": the starting list's codes in words. */
    static String words(String code) {
        String lower = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
