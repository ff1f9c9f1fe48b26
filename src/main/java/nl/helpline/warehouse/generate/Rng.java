package nl.helpline.warehouse.generate;

import java.util.List;

/**
 * SplitMix64, written out here rather than borrowed from {@code java.util}: the example inbox is
 * committed and must be reproducible byte for byte on any JDK, so the generator may not depend on
 * a library's choice of algorithm.
 *
 * <p>Every request draws from its own generator seeded by (seed, request index, stream), which is
 * what lets the truth be recomputed for one request without replaying the ones before it.
 */
final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    Rng(long seed, long index, Stream stream) {
        long s = mix(seed + GOLDEN * (stream.ordinal() + 1));
        this.state = mix(s ^ mix(index * GOLDEN + 0x632BE59BD9B4E019L));
    }

    /** Independent draws for independent purposes, so that adding a draw to one does not shift the others. */
    enum Stream { PLAN, PLACE, RENDER, BAD, LAYOUT }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) (nextDouble() * bound);
    }

    /** Uniform in [low, high], both inclusive. */
    int between(int low, int high) {
        return low + nextInt(high - low + 1);
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
