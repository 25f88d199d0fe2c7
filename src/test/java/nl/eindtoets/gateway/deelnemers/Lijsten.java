package nl.eindtoets.gateway.deelnemers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.eindtoets.gateway.request.Oin;
import nl.eindtoets.gateway.request.RequestIdentity;

/** Participant lists and callers for tests (invented pupils only). */
public final class Lijsten {

    public static final Oin LAS_A = new Oin("00000099000000001000");
    public static final String SCHOOLJAAR = "2026-2027";

    private Lijsten() {
    }

    /** A valid list of {@code count} pupils whose LAS-keys start with {@code prefix}, in two groups. */
    public static Deelnemerslijst lijst(String brin, String prefix, int count, OffsetDateTime aanmaakdatum) {
        List<Groep> groepen = List.of(new Groep(prefix + "-g8", "Groep 8", "8"), new Groep(prefix + "-g7", "Groep 7", "7"));
        List<Leerling> leerlingen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String jaargroep = i % 2 == 0 ? "8" : "7";
            leerlingen.add(new Leerling(prefix + "-" + i, eckid(prefix, i), "Achternaam" + i, i % 3 == 0 ? "van" : null,
                    "A", "Roep" + i, LocalDate.of(2015, 1, 1).plusDays(i % 365), i % 2 + 1, jaargroep,
                    prefix + "-g" + jaargroep));
        }
        return new Deelnemerslijst(new School(SCHOOLJAAR, brin, "00", aanmaakdatum, "2.2"), groepen, leerlingen);
    }

    /** A well-formed, invented ECK-iD derived from {@code prefix} and {@code i}. */
    public static String eckid(String prefix, int i) {
        String seed = Integer.toHexString((prefix + "/" + i).hashCode());
        StringBuilder hex = new StringBuilder();
        while (hex.length() < 128) {
            hex.append(seed).append('0');
        }
        return "https://ketenid.nl/pilot/" + hex.substring(0, 128).replaceAll("[^0-9a-f]", "0");
    }

    public static RequestIdentity caller(String brin) {
        return caller(brin, "urn:uuid:" + UUID.randomUUID());
    }

    public static RequestIdentity caller(String brin, String messageId) {
        return new RequestIdentity(LAS_A, Oin.ofSchool(brin), brin, "00", messageId);
    }

    public static String digest(String seed) {
        return String.format("%064x", new java.math.BigInteger(1, seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .substring(0, 64);
    }
}
