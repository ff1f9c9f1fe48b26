package nl.helpline.warehouse.generate;

/**
 * One row to write: version {@code version} (index into {@link RequestPlan#versions()}) into file
 * {@code file}.
 */
record Placement(int version, int file) {
}
