/**
 * The half-year infographic: a print-ready PDF and a self-contained HTML page drawn from a
 * release's published cells only ({@link nl.helpline.warehouse.infographic.Release}, read from the
 * model the workbook is written from or from a release's {@code cells.csv}), never from the
 * warehouse, so it cannot show more than the release does. A withheld cell reaches it as its sign
 * ({@code < 5}, {@code [c]}) and is drawn as that sign without a bar.
 *
 * <p>{@link nl.helpline.warehouse.infographic.InfographicRenderer} is a plain function of (release,
 * editorial texts) to bytes: Thymeleaf fills {@code infographic/infographic.html}, openhtmltopdf
 * (PDFBox) prints it with the DejaVu Sans fonts bundled in the jar, and the same release always gives
 * the same bytes. Texts that are not figures come from {@code jobs/texts/<lang>/}.
 */
package nl.helpline.warehouse.infographic;
