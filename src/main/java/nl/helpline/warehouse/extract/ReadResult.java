package nl.helpline.warehouse.extract;

import java.util.List;

/**
 * What reading one export file amounted to.
 *
 * @param rowsRead       data rows read (header excluded); equals rows accepted + rows rejected
 * @param ignoredColumns header names that are not in the contract, as written in the file (trimmed);
 *                       a name that looks like free text is given as
 *                       "column N (name withheld: looks like free text)"
 * @param encoding       the character set the file was read in (CSV), or "xlsx"
 */
public record ReadResult(long rowsRead, List<String> ignoredColumns, String encoding) {

    public ReadResult {
        ignoredColumns = List.copyOf(ignoredColumns);
    }
}
