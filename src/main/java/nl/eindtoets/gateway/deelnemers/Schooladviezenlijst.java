package nl.eindtoets.gateway.deelnemers;

import java.util.List;

/**
 * A Schooladviezenlijst (Doorstroomtoetsketen v1.1): the provisional school advice of pupils of one school
 * administration.
 *
 * @param adviezen in the order of the body; {@link Advies#path()} names each one in a refusal
 */
public record Schooladviezenlijst(String schooljaar, String brin, String dependancecode, List<Advies> adviezen) {

    /** One pupil's advice; the pupil by ECK-iD, or by LAS-key when it has none. */
    public record Advies(String path, String eckid, String lasKey, String advies) {
    }
}
