package nl.eindtoets.gateway.leerresultaten;

/**
 * One row of a results file as read, every field still text so that each problem can be reported for its row.
 *
 * @param row                1-based number of the row in the file (data rows; a CSV header is not counted)
 * @param leerlingid         the pupil's LAS-key; may be empty when {@code eckid} is given
 * @param toetsonderdeelcode empty for a whole-test score
 * @param afnamedatum        ISO date, e.g. 2027-04-20
 * @param score              a non-negative whole number
 * @param referentieniveau   the level reached on the test part ({@link ResultValues#REFERENTIENIVEAUS}); empty
 *                           when none was set, always empty on a whole-test row
 * @param toetsadvies        the advice based on the whole test, e.g. {@code havo/vwo}; only on the whole-test row
 */
public record ResultRow(int row, String brincode, String dependancecode, String schooljaar, String leerlingid,
                        String eckid, String toetscode, String toetsonderdeelcode, String afnamedatum, String score,
                        String infourl, String referentieniveau, String toetsadvies) {

    /** Field names, as used in CSV headers, JSON members and error reports. */
    public static final String[] FIELDS = {"brincode", "dependancecode", "schooljaar", "leerlingid", "eckid",
        "toetscode", "toetsonderdeelcode", "afnamedatum", "score", "infourl", "referentieniveau", "toetsadvies"};

    /** A row with a score only, as files without the two optional result columns have it. */
    public ResultRow(int row, String brincode, String dependancecode, String schooljaar, String leerlingid,
                     String eckid, String toetscode, String toetsonderdeelcode, String afnamedatum, String score,
                     String infourl) {
        this(row, brincode, dependancecode, schooljaar, leerlingid, eckid, toetscode, toetsonderdeelcode, afnamedatum,
                score, infourl, null, null);
    }
}
