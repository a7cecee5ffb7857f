package exchange.workforce.returns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** What changed between two versions of a return: each figure added, removed or different, in measure order. */
final class ReturnChanges {

    private ReturnChanges() {
    }

    static List<SubmittedReturn.Change> between(List<ReturnValue> before, List<ReturnValue> after) {
        Map<String, ReturnValue> from = keyed(before);
        Map<String, ReturnValue> to = keyed(after);
        List<SubmittedReturn.Change> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(from.keySet());
        keys.addAll(to.keySet());
        for (String key : keys) {
            ReturnValue was = from.get(key);
            ReturnValue now = to.get(key);
            if (was != null && now != null && Objects.equals(was.symbol(), now.symbol())
                    && (was.value() == null ? now.value() == null : now.value() != null && was.value().compareTo(now.value()) == 0)) {
                continue;
            }
            ReturnValue any = now != null ? now : was;
            changes.add(new SubmittedReturn.Change(any.measure(), any.breakdown(), was == null ? null : was.value(),
                    was == null ? null : was.symbol(), now == null ? null : now.value(), now == null ? null : now.symbol()));
        }
        return changes;
    }

    private static Map<String, ReturnValue> keyed(List<ReturnValue> values) {
        Map<String, ReturnValue> keyed = new HashMap<>();
        values.forEach(v -> keyed.put(v.measure() + "|" + v.breakdown(), v));
        return keyed;
    }
}
