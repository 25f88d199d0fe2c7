package nl.eindtoets.gateway.leerresultaten;

/** A problem with one row of a results file; {@code row} 0 means the file as a whole. */
public record RowError(int row, String field, String message) {
}
