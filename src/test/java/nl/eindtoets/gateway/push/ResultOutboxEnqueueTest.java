package nl.eindtoets.gateway.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.eindtoets.gateway.deelnemers.Deelnemerslijst;
import nl.eindtoets.gateway.deelnemers.Leerling;
import nl.eindtoets.gateway.deelnemers.Levering;
import nl.eindtoets.gateway.deelnemers.Lijsten;
import nl.eindtoets.gateway.leerresultaten.ResultImport;
import nl.eindtoets.gateway.leerresultaten.ResultRow;
import nl.eindtoets.gateway.store.Engine;
import nl.eindtoets.gateway.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which messages an import puts in the outbox: one per pupil of the school's current REST list, however matched. */
class ResultOutboxEnqueueTest {

    private static final String LATER_ROUTING = "LASA0000000000000097";

    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    private PushFixture push;

    private void start(Engine engine) {
        push = new PushFixture(databases.fresh(engine));
    }

    @AfterEach
    void stop() throws Exception {
        if (push != null) {
            push.close();
        }
    }

    private static Leerling withoutEckid(Leerling l) {
        return new Leerling(l.key(), null, l.achternaam(), l.voorvoegsel(), l.voorletters(), l.roepnaam(),
                l.geboortedatum(), l.geslacht(), l.jaargroep(), l.groepKey());
    }

    /** pupil_ref and routing_id of every outbox row. */
    private List<List<String>> refsAndRoutes() {
        return push.db.inTransaction(c -> {
            List<List<String>> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT pupil_ref, routing_id FROM result_outbox"
                    + " ORDER BY pupil_ref"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(List.of(rs.getString(1), rs.getString(2)));
                }
            }
            return rows;
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPupilWhoGainedAnEckidKeepsOneMessageNowUnderTheEckid(Engine engine) {
        start(engine);
        Deelnemerslijst withEckid = Lijsten.lijst("99AA", "99AA", 1, PushFixture.NOV_15);
        push.deliver(Lijsten.caller("99AA"), new Deelnemerslijst(withEckid.school(), withEckid.groepen(),
                withEckid.leerlingen().stream().map(ResultOutboxEnqueueTest::withoutEckid).toList()),
                Levering.rest(Levering.Soort.STANDLEVERING, PushFixture.ROUTING));
        push.importScores("99AA", 1, 180);
        assertThat(refsAndRoutes()).singleElement().satisfies(r -> assertThat(r.get(0)).isEqualTo("LAS-key:99AA-0"));

        push.deliver(Lijsten.caller("99AA"), withEckid, Levering.rest(Levering.Soort.STANDLEVERING,
                PushFixture.ROUTING));
        push.importScores("99AA", 1, 212);

        assertThat(push.outbox()).singleElement().satisfies(row -> {
            assertThat(row.get("pupil_ref")).isEqualTo(Lijsten.eckid("99AA", 0));
            assertThat(row.get("version")).isEqualTo(2);
            assertThat((String) row.get("body")).contains("\"waarde\":\"212\"");
        });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void pupilsAddedByAMutatieleveringAreEnqueuedUnderTheLaterDeliverysRouting(Engine engine) {
        start(engine);
        push.restList("99AA", 2);
        Deelnemerslijst three = Lijsten.lijst("99AA", "99AA", 3, PushFixture.NOV_15.plusDays(1));
        push.deliver(Lijsten.caller("99AA"), new Deelnemerslijst(three.school(), three.groepen(),
                List.of(three.leerlingen().get(2))), Levering.rest(Levering.Soort.MUTATIELEVERING, LATER_ROUTING));

        push.importScores("99AA", 3, 200);

        assertThat(refsAndRoutes()).containsExactlyInAnyOrder(
                List.of(Lijsten.eckid("99AA", 0), LATER_ROUTING),
                List.of(Lijsten.eckid("99AA", 1), LATER_ROUTING),
                List.of(Lijsten.eckid("99AA", 2), LATER_ROUTING));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPupilMatchedByEckidIsEnqueuedUnderItsEckidWithItsLasKeyInTheBody(Engine engine) {
        start(engine);
        push.restList("99AA", 2);

        assertThat(new ResultImport(push.db, push.clock).run(List.of(new ResultRow(1, "99AA", "00",
                Lijsten.SCHOOLJAAR, null, Lijsten.eckid("99AA", 1), "EINDTOETS-2027", null, "2027-04-20", "205",
                null)).iterator(), "test").stored()).isTrue();

        Map<String, Object> row = push.outbox().get(0);
        assertThat(push.outbox()).hasSize(1);
        assertThat(row.get("pupil_ref")).isEqualTo(Lijsten.eckid("99AA", 1));
        assertThat((String) row.get("body")).contains("\"99AA-1\"").contains(Lijsten.eckid("99AA", 1));
    }
}
