package nl.eindtoets.gateway.deelnemers;

import java.time.LocalDate;

/** One participant of a current list, flattened with its school and group for export. */
public record ExportRow(String brin, String dependancecode, String schooljaar, String ontvangstId, String lasKey,
                        String eckid, String achternaam, String voorvoegsel, String voorletters, String roepnaam,
                        LocalDate geboortedatum, Integer geslacht, String jaargroep, String groepKey,
                        String groepNaam) {

    /** Column names, in the order of the record, as used in CSV headers and JSON fields. */
    public static final String[] COLUMNS = {"brincode", "dependancecode", "schooljaar", "ontvangstid", "leerlingkey",
        "eckid", "achternaam", "voorvoegsel", "voorletters", "roepnaam", "geboortedatum", "geslacht", "jaargroep",
        "groepkey", "groepnaam"};

    public Object[] values() {
        return new Object[] {brin, dependancecode, schooljaar, ontvangstId, lasKey, eckid, achternaam, voorvoegsel,
            voorletters, roepnaam, geboortedatum, geslacht, jaargroep, groepKey, groepNaam};
    }
}
