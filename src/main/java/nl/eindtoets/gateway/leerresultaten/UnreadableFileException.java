package nl.eindtoets.gateway.leerresultaten;

/** A results file that cannot be read as rows at all (broken JSON or CSV, missing header). */
public class UnreadableFileException extends RuntimeException {

    private final int row;

    public UnreadableFileException(int row, String message) {
        super(message);
        this.row = row;
    }

    /** Row near which reading failed, 0 when unknown. */
    public int row() {
        return row;
    }
}
