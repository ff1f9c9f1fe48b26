package nl.helpline.warehouse.disclosure;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A linear relation a reader knows: {@code total = sum of parts}. Declare only relations the data
 * make true (a multi-valued table such as phenomena is not additive; additional support sums to
 * follow-up ADDITIONAL only when every such request has exactly one type). The problem checks that
 * every relation holds on the values it is given.
 *
 * @param totalCellId the id of the total
 * @param partCellIds the ids of the parts: at least one, no repeats, not the total
 */
public record Relation(String totalCellId, List<String> partCellIds) {

    public Relation {
        Objects.requireNonNull(totalCellId, "totalCellId");
        partCellIds = List.copyOf(partCellIds);
        if (partCellIds.isEmpty()) {
            throw new IllegalArgumentException("relation for " + totalCellId + " has no parts");
        }
        if (new HashSet<>(partCellIds).size() != partCellIds.size()) {
            throw new IllegalArgumentException("relation for " + totalCellId + " repeats a part: " + partCellIds);
        }
        if (partCellIds.contains(totalCellId)) {
            throw new IllegalArgumentException("relation for " + totalCellId + " lists its total as a part");
        }
    }

    public static Relation of(String totalCellId, String... partCellIds) {
        return new Relation(totalCellId, List.of(partCellIds));
    }

    @Override
    public String toString() {
        return totalCellId + " = " + String.join(" + ", partCellIds);
    }
}
