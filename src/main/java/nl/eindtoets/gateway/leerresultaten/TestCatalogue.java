package nl.eindtoets.gateway.leerresultaten;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Toets;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Toetsonderdeel;

/** The supplier's tests and their parts (tables {@code test_definition}, {@code test_part}). */
final class TestCatalogue {

    private final Map<String, Toets> tests;

    private TestCatalogue(Map<String, Toets> tests) {
        this.tests = tests;
    }

    static TestCatalogue load(Connection c) throws SQLException {
        Map<String, List<Toetsonderdeel>> parts = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT toetscode, volgnummer, toetsonderdeelcode, toetsonderdeelnaam FROM test_part"
                        + " ORDER BY toetscode, volgnummer");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                parts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Toetsonderdeel(rs.getInt(2), rs.getString(3), rs.getString(4)));
            }
        }
        Map<String, Toets> tests = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT toetscode, toetsnaam FROM test_definition ORDER BY toetscode");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String code = rs.getString(1);
                tests.put(code, new Toets(code, rs.getString(2), parts.getOrDefault(code, List.of())));
            }
        }
        return new TestCatalogue(tests);
    }

    Toets test(String toetscode) {
        return tests.get(toetscode);
    }

    boolean hasPart(String toetscode, String toetsonderdeelcode) {
        Toets t = tests.get(toetscode);
        return t != null && t.toetsonderdelen().stream()
                .anyMatch(p -> p.toetsonderdeelcode().equals(toetsonderdeelcode));
    }
}
