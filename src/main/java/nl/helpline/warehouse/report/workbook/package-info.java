/**
 * The period report's output: a model of a report that has been through disclosure control
 * ({@link nl.helpline.warehouse.report.workbook.ReportDocument} and the records it holds), and the
 * writers that turn it into the published files:
 * {@link nl.helpline.warehouse.report.workbook.WorkbookWriter} (the workbook) and
 * {@link nl.helpline.warehouse.report.workbook.CellsCsvWriter} (its {@code cells.csv}); the caller
 * names the files. {@link nl.helpline.warehouse.report.workbook.EditorialTexts} are the texts that are
 * not figures, shared with the infographic.
 *
 * <p>The model is the contract with the report engine. It is plain immutable records without Spring.
 * A withheld cell carries no value: {@link nl.helpline.warehouse.report.workbook.PublishedCell} refuses
 * a count or percent for a suppressed status, so nothing downstream can leak one. Percentages are on a
 * 0&ndash;100 scale and are rounded by the writers to one decimal, half-up. Tables hold category rows
 * only (no total row); the overall total is the one row of the table with id {@code total}.
 */
package nl.helpline.warehouse.report.workbook;
