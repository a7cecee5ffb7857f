package exchange.workforce.returns;

import exchange.workforce.identity.Caller;
import exchange.workforce.measures.MeasureCatalogue;
import exchange.workforce.memorandum.ExitThemes;
import exchange.workforce.problem.ApiProblem;
import exchange.workforce.problem.Problem;
import exchange.workforce.problem.ProblemCode;
import exchange.workforce.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Entering a return online, section by section, and correcting one figure of a stored return. The answers are a draft
 * until submitted; each section is checked by the same rules as an upload when it is saved (so an error shows on the
 * page where the figure was typed), and the whole return is checked again, and stored, by {@link SubmittingAReturn} —
 * the one way every channel stores a return.
 */
@Singleton
public class EnteringAReturn {

    /** The source a version entered online is stored with, beside API, CSV and XLSX. */
    static final String ONLINE = "ONLINE";
    /** An answer longer than a figure can be is refused unread (ReturnRules reads up to this many characters). */
    static final int LONGEST_ANSWER = ReturnRules.LONGEST_FIGURE;
    /** More answers than a section could ask for (the whole return asks about 200, with a council's offices) are refused unread. */
    static final int MOST_ANSWERS = 2_000;
    /** No figure's key (measure, dimension and a council's own code) is longer than this. */
    static final int LONGEST_KEY = 200;

    private final TenantTransactions transactions;
    private final ReturnDraftDao drafts;
    private final ReturnDao returns;
    private final SubmittingAReturn submitting;
    private final ReturnQuestions questions;
    private final MeasureCatalogue catalogue;
    private final ExitThemes exitThemes;
    private final Clock clock;

    public EnteringAReturn(TenantTransactions transactions, ReturnDraftDao drafts, ReturnDao returns, SubmittingAReturn submitting,
                           ReturnQuestions questions, MeasureCatalogue catalogue, ExitThemes exitThemes, Clock clock) {
        this.transactions = transactions;
        this.drafts = drafts;
        this.returns = returns;
        this.submitting = submitting;
        this.questions = questions;
        this.catalogue = catalogue;
        this.exitThemes = exitThemes;
        this.clock = clock;
    }

    /**
     * The draft for a period, started if there is none: blank, or from figures already stored — the period's own current
     * version when it has one (to correct it), else the latest earlier return of the same kind. A draft already started is
     * returned as it is, whatever is asked, so a second tab never wipes the first's answers.
     */
    public ReturnDraft start(Caller caller, String periodType, String period, boolean fromStoredFigures) {
        Period p = openPeriod(periodType, period);
        String authority = caller.authorityCode().orElseThrow();
        return transactions.write(caller, () -> drafts.of(authority, p).orElseGet(() -> {
            Map<String, String> answers = new LinkedHashMap<>();
            String startedFrom = null;
            if (fromStoredFigures) {
                Optional<ReturnVersion> from = returns.versions(authority, p).stream().findFirst().or(() -> returns.latestBefore(authority, p));
                if (from.isPresent()) {
                    returns.values(from.get().id(), authority).forEach(v -> answers.put(v.measure() + "|" + v.breakdown(), typed(v)));
                    startedFrom = "Version " + from.get().version() + " of " + from.get().periodType().label(from.get().period());
                }
            }
            ReturnDraft draft = new ReturnDraft(authority, p.type(), p.label(), answers, List.of(), startedFrom, caller.user(), caller.user(),
                    Instant.now(clock));
            drafts.save(draft);
            return draft;
        }));
    }

    /** The council's draft for a period, if it has started one. */
    public Optional<ReturnDraft> draft(Caller caller, String periodType, String period) {
        Period p = SubmittingAReturn.period(periodType, period);
        return transactions.read(caller, () -> drafts.of(caller.authorityCode().orElseThrow(), p));
    }

    /** Every draft the council has, the latest changed first. */
    public List<ReturnDraft> drafts(Caller caller) {
        return transactions.read(caller, () -> drafts.all(caller.authorityCode().orElseThrow()));
    }

    /**
     * One section's answers saved: each checked by the return's rules as far as the section alone can be (the form of
     * a figure, its range, breakdowns adding up to their total); refused whole, every error naming its figure's key, or
     * saved whole, the section marked done. Answers for figures outside the section are ignored; a blank answer clears one.
     */
    public ReturnDraft saveSection(Caller caller, String periodType, String period, String theme, Map<String, String> typed) {
        Period p = SubmittingAReturn.period(periodType, period);
        if (typed.size() > MOST_ANSWERS) {
            throw SubmittingAReturn.rejected(List.of(new Problem.Violation(ReturnRule.TOO_MANY_ANSWERS.name(), "answers", null, null, typed.size()
                    + " answers were sent for one section; a section has at most a few hundred figures (" + MOST_ANSWERS + " at most).")));
        }
        String authority = caller.authorityCode().orElseThrow();
        return transactions.write(caller, () -> {
            ReturnDraft draft = drafts.of(authority, p).orElseThrow(() -> noDraft(p));
            Set<String> given = new LinkedHashSet<>(draft.answers().keySet());
            given.addAll(typed.keySet());
            ReturnQuestions.Section section = questions.sections(caller, given).stream().filter(s -> s.theme().equals(theme)).findFirst()
                    .orElseThrow(() -> ApiProblem.notFound("A return has no section '" + theme + "'. Its sections: "
                            + String.join(", ", MeasureCatalogue.THEMES.keySet()) + "."));
            Map<String, String> answers = new LinkedHashMap<>();
            List<Problem.Violation> tooLong = new ArrayList<>();
            for (ReturnQuestions.Question question : section.questions()) {
                String answer = typed.get(question.key());
                if (answer == null || answer.isBlank()) {
                    continue;
                }
                if (answer.length() > LONGEST_ANSWER) {
                    tooLong.add(new Problem.Violation(ReturnRule.NOT_A_NUMBER.name(), question.key(), null, null, question.label()
                            + (question.total() ? "" : " (" + question.breakdownWords() + ")") + ": enter a number of up to "
                            + LONGEST_ANSWER + " characters, x (not available) or z (not applicable)."));
                    continue;
                }
                answers.put(question.key(), answer.trim());
            }
            List<Problem.Violation> errors = new ArrayList<>(tooLong);
            errors.addAll(errorsOf(caller, answers));
            if (!errors.isEmpty()) {
                throw SubmittingAReturn.rejected(errors);
            }
            Map<String, String> kept = new LinkedHashMap<>(draft.answers());
            section.questions().forEach(q -> kept.remove(q.key()));
            kept.putAll(answers);
            List<String> done = new ArrayList<>(draft.sectionsDone());
            if (!done.contains(theme)) {
                done.add(theme);
            }
            ReturnDraft saved = new ReturnDraft(authority, p.type(), p.label(), kept, done, draft.startedFrom(), draft.startedBy(), caller.user(),
                    Instant.now(clock));
            drafts.save(saved);
            return saved;
        });
    }

    /** The whole draft checked as submitting it would check it, nothing stored: errors refuse it, each naming its figure's key. */
    public SubmittedReturn check(Caller caller, String periodType, String period, @Nullable String reason) {
        return send(caller, periodType, period, reason, null, true);
    }

    /** The draft submitted as a new version of the period's return, then discarded; refused whole as an upload is. */
    public SubmittedReturn submit(Caller caller, String periodType, String period, @Nullable String reason, @Nullable String idempotencyKey) {
        SubmittedReturn stored = send(caller, periodType, period, reason, idempotencyKey, false);
        Period p = SubmittingAReturn.period(periodType, period);
        transactions.write(caller, () -> drafts.delete(caller.authorityCode().orElseThrow(), p));
        return stored;
    }

    /** The draft thrown away; stored versions are untouched. */
    public boolean discard(Caller caller, String periodType, String period) {
        Period p = SubmittingAReturn.period(periodType, period);
        return transactions.write(caller, () -> drafts.delete(caller.authorityCode().orElseThrow(), p));
    }

    /**
     * One figure of the current version corrected: a new version with every other figure as it was, the new value (or,
     * blank, the figure withdrawn) and the reason — checked and stored as any correction is.
     */
    public SubmittedReturn correctOneFigure(Caller caller, String periodType, String period, String key, @Nullable String value,
                                           @Nullable String reason, @Nullable String idempotencyKey) {
        Period p = SubmittingAReturn.period(periodType, period);
        if (key.length() > LONGEST_KEY) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "figure", "That is not a figure a return asks for: name it as "
                    + "measure|breakdown, for example inpost_fte| or leavers_fte|leaving_reason=RESIGNATION.");
        }
        String authority = caller.authorityCode().orElseThrow();
        Map<String, String> answers = transactions.read(caller, () -> {
            ReturnVersion current = returns.versions(authority, p).stream().findFirst()
                    .orElseThrow(() -> ApiProblem.notFound("Your council has no return for " + p.type().label(p.label())
                            + " to correct; enter or upload one first."));
            Map<String, String> figures = new LinkedHashMap<>();
            returns.values(current.id(), authority).forEach(v -> figures.put(v.measure() + "|" + v.breakdown(), typed(v)));
            return figures;
        });
        Set<String> known = new LinkedHashSet<>(answers.keySet());
        known.add(key);
        if (questions.all(caller, known).stream().noneMatch(q -> q.key().equals(key))) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "figure", "'" + key + "' is not a figure a return asks for; name it as "
                    + "measure|breakdown, for example inpost_fte| or leavers_fte|leaving_reason=RESIGNATION.");
        }
        if (value == null || value.isBlank()) {
            answers.remove(key);
        } else if (value.length() > LONGEST_ANSWER) {
            throw SubmittingAReturn.rejected(List.of(new Problem.Violation(ReturnRule.NOT_A_NUMBER.name(), key, null, null,
                    "Enter a number of up to " + LONGEST_ANSWER + " characters, x (not available) or z (not applicable).")));
        } else {
            answers.put(key, value.trim());
        }
        return submitLines(caller, p, answers, reason, idempotencyKey, false);
    }

    private SubmittedReturn send(Caller caller, String periodType, String period, @Nullable String reason, @Nullable String idempotencyKey,
                                 boolean dryRun) {
        Period p = SubmittingAReturn.period(periodType, period);
        ReturnDraft draft = transactions.read(caller, () -> drafts.of(caller.authorityCode().orElseThrow(), p)).orElseThrow(() -> noDraft(p));
        return submitLines(caller, p, draft.answers(), reason, idempotencyKey, dryRun);
    }

    /** The answers as a return's lines, submitted; a refusal's rows are turned back into the figures' keys. */
    private SubmittedReturn submitLines(Caller caller, Period p, Map<String, String> answers, @Nullable String reason,
                                        @Nullable String idempotencyKey, boolean dryRun) {
        Lines lines = lines(inQuestionOrder(caller, answers));
        try {
            return submitting.submit(caller, new SubmittingAReturn.Submission(p.type().name(), p.label(), reason == null || reason.isBlank()
                    ? null : reason.trim(), lines.lines(), ONLINE, idempotencyKey, dryRun));
        } catch (ApiProblem refused) {
            if (refused.violations() == null || refused.violations().isEmpty()) {
                throw refused;
            }
            throw SubmittingAReturn.rejected(refused.violations().stream().map(lines::keyed).toList());
        }
    }

    /** The rules' errors for some answers alone (no comparison with earlier returns: those are warnings, shown at the check). */
    private List<Problem.Violation> errorsOf(Caller caller, Map<String, String> answers) {
        if (answers.isEmpty()) {
            return List.of();
        }
        Lines lines = lines(answers);
        Map<String, List<String>> regionsOwn = caller.homeRegion()
                .map(region -> Map.of(ExitThemes.DIMENSION, exitThemes.inForce(region).codes())).orElse(Map.of());
        return ReturnRules.check(lines.lines(), catalogue, Map.of(), regionsOwn).errors().stream().map(lines::keyed).toList();
    }

    /** The answers in the order the return asks its questions (so errors are listed in that order), any others after. */
    private Map<String, String> inQuestionOrder(Caller caller, Map<String, String> answers) {
        Map<String, String> ordered = new LinkedHashMap<>();
        questions.all(caller, answers.keySet()).forEach(q -> {
            if (answers.containsKey(q.key())) {
                ordered.put(q.key(), answers.get(q.key()));
            }
        });
        answers.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** A period a return can be entered for: a real period that has begun. */
    private Period openPeriod(String periodType, String period) {
        Period p = SubmittingAReturn.period(periodType, period);
        p.outOfRange(LocalDate.now(clock)).ifPresent(why -> {
            throw SubmittingAReturn.rejected(List.of(new Problem.Violation(ReturnRule.PERIOD_OUT_OF_RANGE.name(), "period", null, "period",
                    why + ".")));
        });
        return p;
    }

    private static ApiProblem noDraft(Period p) {
        return ApiProblem.notFound("Your council has not started entering a return for " + p.type().label(p.label()) + " online.");
    }

    /** A stored figure as the officer would type it: the number in plain digits, or its symbol. */
    static String typed(ReturnValue value) {
        return value.value() != null ? value.value().toPlainString() : value.symbol().code();
    }

    /** Answers as lines, rows counted from 1 in the answers' order, and the key each row came from. */
    private record Lines(List<ReturnLine> lines, Map<Integer, String> keyOfRow) {

        /** A rule's error about a row, as an error about that row's figure (its key as the field); others as they were. */
        Problem.Violation keyed(Problem.Violation violation) {
            String key = violation.row() == null ? null : keyOfRow.get(violation.row());
            return key == null ? violation : new Problem.Violation(violation.code(), key, null, null, violation.message());
        }
    }

    private static Lines lines(Map<String, String> answers) {
        List<ReturnLine> lines = new ArrayList<>();
        Map<Integer, String> keyOfRow = new HashMap<>();
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            int bar = answer.getKey().indexOf('|');
            String measure = bar < 0 ? answer.getKey() : answer.getKey().substring(0, bar);
            String breakdown = bar < 0 ? "" : answer.getKey().substring(bar + 1);
            SortedMap<String, String> parts = new TreeMap<>();
            for (String part : breakdown.isEmpty() ? new String[0] : breakdown.split(";")) {
                int equals = part.indexOf('=');
                parts.put(equals < 0 ? part : part.substring(0, equals), equals < 0 ? "" : part.substring(equals + 1));
            }
            int row = lines.size() + 1;
            lines.add(new ReturnLine(row, measure, parts, answer.getValue()));
            keyOfRow.put(row, answer.getKey());
        }
        return new Lines(lines, keyOfRow);
    }
}
