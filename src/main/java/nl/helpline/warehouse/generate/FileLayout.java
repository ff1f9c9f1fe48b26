package nl.helpline.warehouse.generate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The header of one file: which columns in which order, spelled how. The first file keeps the
 * contract's order and spelling; later files may shuffle the columns, vary the case and white
 * space of a header, and carry an extra column that is not in the contract — all allowed.
 *
 * @param sources per position, the {@link Column#ordinal()} it shows, or {@link #EXTRA}
 * @param headers per position, the header as written
 */
record FileLayout(List<Integer> sources, List<String> headers) {

    /** The position of the extra, non-contract column. */
    static final int EXTRA = -1;
    static final String EXTRA_HEADER = "Regio";
    private static final List<String> REGIONS = List.of("Noord", "Oost", "Zuid", "West", "Midden");

    FileLayout {
        sources = List.copyOf(sources);
        headers = List.copyOf(headers);
    }

    static FileLayout of(GeneratorSpec spec, int fileIndex) {
        List<Integer> sources = new ArrayList<>();
        for (Column column : Column.values()) {
            sources.add(column.ordinal());
        }
        if (fileIndex == 0) {
            return new FileLayout(sources, sources.stream().map(i -> Column.values()[i].header()).toList());
        }
        Rng rng = new Rng(spec.seed(), fileIndex, Rng.Stream.LAYOUT);
        if (rng.chance(0.5)) {
            // Fisher-Yates with our own generator, so the order is the same on every JDK.
            for (int i = sources.size() - 1; i > 0; i--) {
                Collections.swap(sources, i, rng.nextInt(i + 1));
            }
        }
        if (rng.chance(0.5)) {
            sources.add(rng.nextInt(sources.size() + 1), EXTRA);
        }
        List<String> headers = new ArrayList<>();
        for (int source : sources) {
            String header = source == EXTRA ? EXTRA_HEADER : Column.values()[source].header();
            double u = rng.nextDouble();
            if (u < 0.1) {
                header = header.toLowerCase(Locale.ROOT);
            } else if (u < 0.15) {
                header = header.toUpperCase(Locale.ROOT);
            } else if (u < 0.2) {
                header = " " + header + " ";
            }
            headers.add(header);
        }
        return new FileLayout(sources, headers);
    }

    /** The row's cells in this file's column order. */
    List<Value> arrange(Value[] cells, long rowKey) {
        List<Value> row = new ArrayList<>(sources.size());
        for (int source : sources) {
            row.add(source == EXTRA ? Value.text(REGIONS.get((int) Math.floorMod(Rng.mix(rowKey), (long) REGIONS.size()))) : cells[source]);
        }
        return row;
    }
}
