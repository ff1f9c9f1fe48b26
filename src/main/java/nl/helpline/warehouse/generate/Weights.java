package nl.helpline.warehouse.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A discrete distribution over a few items; weights need not add up to anything in particular. */
final class Weights<T> {

    private final List<T> items;
    private final double[] cumulative;

    private Weights(Map<T, Double> weights) {
        this.items = List.copyOf(weights.keySet());
        this.cumulative = new double[items.size()];
        double sum = 0;
        int i = 0;
        for (double w : weights.values()) {
            sum += w;
            cumulative[i++] = sum;
        }
        for (i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    /** Alternating item, weight, item, weight... in a fixed order (the order matters for determinism). */
    @SuppressWarnings("unchecked")
    static <T> Weights<T> of(Object... itemsAndWeights) {
        Map<T, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < itemsAndWeights.length; i += 2) {
            map.put((T) itemsAndWeights[i], ((Number) itemsAndWeights[i + 1]).doubleValue());
        }
        return new Weights<>(map);
    }

    T draw(Rng rng) {
        double u = rng.nextDouble();
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }

    /** {@code count} different items, each drawn by weight from those not yet drawn; in the order drawn. */
    List<T> drawDistinct(Rng rng, int count) {
        List<T> result = new ArrayList<>(count);
        double[] weights = new double[items.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
        }
        for (int n = 0; n < Math.min(count, items.size()); n++) {
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double u = rng.nextDouble() * total;
            int chosen = weights.length - 1;
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] > 0 && (u -= weights[i]) < 0) {
                    chosen = i;
                    break;
                }
            }
            while (weights[chosen] == 0) {
                chosen--; // rounding at the very end of the range; step back to one still available
            }
            result.add(items.get(chosen));
            weights[chosen] = 0;
        }
        return result;
    }
}
