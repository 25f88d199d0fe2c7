package nl.eindtoets.gateway.leerresultaten;

/**
 * One row of a results file as read, every field still text so that each problem can be reported for its row.
 *
 * @param row                1-based number of the row in the file (data rows; a CSV header is not counted)
 * @param leerlingid         the pupil's LAS-key; may be empty when {@code eckid} is given
 * @param toetsonderdeelcode empty for a whole-test score
 * @param afnamedatum        ISO date, e.g. 2027-04-20
 * @param score              a non-negative whole number
 */
public record ResultRow(int row, String brincode, String dependancecode, String schooljaar, String leerlingid,
                        String eckid, String toetscode, String toetsonderdeelcode, String afnamedatum, String score,
                        String infourl) {

    /** Field names, as used in CSV headers, JSON members and error reports. */
    public static final String[] FIELDS = {"brincode", "dependancecode", "schooljaar", "leerlingid", "eckid",
        "toetscode", "toetsonderdeelcode", "afnamedatum", "score", "infourl"};
}
