package nl.eindtoets.gateway.leerresultaten;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of a results import. A file is stored whole or not at all: {@code stored} is false whenever
 * {@code errors} is not empty.
 *
 * @param importId    the import's id when stored, else null
 * @param rows        data rows read
 * @param pupils      distinct pupils whose results were replaced
 * @param errorCount  all problems found; {@code errors} lists at most the first {@link ResultImport#MAX_REPORTED}
 */
public record ImportReport(boolean stored, UUID importId, int rows, int pupils, int errorCount,
                           List<RowError> errors) {
    public ImportReport {
        errors = List.copyOf(errors);
    }
}
