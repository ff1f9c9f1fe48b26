package nl.helpline.warehouse.verify;

import java.util.List;
import java.util.Locale;

/**
 * What a check of the warehouse found: what it looked at, how many requests, and every problem
 * in plain words (empty when the warehouse is in order).
 */
public record Findings(String scope, long requests, List<String> problems) {

    public Findings {
        problems = List.copyOf(problems);
    }

    public boolean inOrder() {
        return problems.isEmpty();
    }

    /** One line for logs and summaries. */
    public String summary() {
        return inOrder()
                ? String.format(Locale.ROOT, "%s: %,d requests checked, all in order", scope, requests)
                : String.format(Locale.ROOT, "%s: %,d requests checked, NOT in order: %s", scope, requests, String.join("; ", problems));
    }
}
