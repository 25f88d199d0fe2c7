package nl.eindtoets.gateway.deelnemers;

import java.time.LocalDate;

/**
 * One participant of a current list, flattened with its school and group for export; {@code kanaal} is the channel
 * (SOAP or REST) of the delivery that made the list current.
 */
public record ExportRow(String brin, String dependancecode, String schooljaar, String ontvangstId, String lasKey,
                        String eckid, String achternaam, String voorvoegsel, String voorletters, String roepnaam,
                        LocalDate geboortedatum, Integer geslacht, String jaargroep, String groepKey,
                        String groepNaam, String kanaal) {

    /** Column names, in the order of the record, as used in CSV headers and JSON fields. */
    public static final String[] COLUMNS = {"brincode", "dependancecode", "schooljaar", "ontvangstid", "leerlingkey",
        "eckid", "achternaam", "voorvoegsel", "voorletters", "roepnaam", "geboortedatum", "geslacht", "jaargroep",
        "groepkey", "groepnaam", "kanaal"};

    public Object[] values() {
        return new Object[] {brin, dependancecode, schooljaar, ontvangstId, lasKey, eckid, achternaam, voorvoegsel,
            voorletters, roepnaam, geboortedatum, geslacht, jaargroep, groepKey, groepNaam, kanaal};
    }
}
