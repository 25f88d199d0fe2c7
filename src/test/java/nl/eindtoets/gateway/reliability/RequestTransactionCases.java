package nl.eindtoets.gateway.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.eindtoets.gateway.app.Gateway;
import nl.eindtoets.gateway.client.EindtoetsClient;
import nl.eindtoets.gateway.client.GatewayResponse;
import nl.eindtoets.gateway.client.Operation;
import nl.eindtoets.gateway.client.SignedRequest;
import nl.eindtoets.gateway.client.SoapFaultInfo;
import nl.eindtoets.gateway.client.VerifiedResponse;
import nl.eindtoets.gateway.it.Samples;
import nl.eindtoets.gateway.request.Oin;
import org.junit.jupiter.api.Test;

/**
 * One database transaction per request: the replay record, the mandate decision, the delivery and the audit record
 * are committed together before the answer is sent, or nothing of them is kept. The audit table is made to refuse
 * a record with a CHECK constraint on the real database, so the failure is the database's own.
 */
abstract class RequestTransactionCases {

    /** The database settings of the gateway under test. */
    abstract Map<String, String> database();

    @Test
    void deliveryWhoseAuditRecordCannotBeWrittenIsAnswered0051AndNothingOfItIsKept() throws Exception {
        try (Node node = Node.start(database())) {
            execute(node, "ALTER TABLE audit_record ADD CONSTRAINT no_delivery_audit CHECK (operation <> 'BrengDeelnemers')");

            GatewayResponse refused = node.client("las-a").send(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AA"),
                    Deliveries.list("99AA", 1));

            assertThat(refused).isInstanceOfSatisfying(SoapFaultInfo.class, f -> {
                assertThat(f.faultCode().getLocalPart()).isEqualTo("Server.TijdelijkNietBeschikbaar");
                assertThat(f.digikoppelingCode()).isEqualTo("0051");
            });
            assertThat(count(node, "participant_delivery")).as("deliveries").isZero();
            assertThat(count(node, "replay_record")).as("replay records").isZero();
            assertThat(count(node, "mandate_decision")).as("mandate decisions").isZero();
            assertThat(count(node, "audit_record")).as("audit records").isZero();

            execute(node, "ALTER TABLE audit_record DROP CONSTRAINT no_delivery_audit");
            GatewayResponse accepted = node.client("las-a").send(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AA"),
                    Deliveries.list("99AA", 1));
            assertThat(accepted).isInstanceOf(VerifiedResponse.class);
            assertThat(count(node, "participant_delivery")).as("deliveries after recovery").isEqualTo(1);
            assertThat(count(node, "replay_record")).as("replay records after recovery").isEqualTo(1);
            assertThat(count(node, "mandate_decision")).as("mandate decisions after recovery").isEqualTo(1);
            assertThat(count(node, "audit_record")).as("audit records after recovery").isEqualTo(1);
        }
    }

    @Test
    void readWhoseAuditRecordCannotBeWrittenIsAnswered0051AndKeepsNoDecision() throws Exception {
        try (Node node = Node.start(database())) {
            execute(node, "ALTER TABLE audit_record ADD CONSTRAINT no_read_audit CHECK (operation <> 'HaalLeerresultaten')");

            GatewayResponse refused = node.client("las-a").send(Operation.HAAL_LEERRESULTATEN, Oin.ofSchool("99AA"),
                    Samples.body("leerresultaten-99AA"));

            assertThat(refused).isInstanceOfSatisfying(SoapFaultInfo.class,
                    f -> assertThat(f.digikoppelingCode()).isEqualTo("0051"));
            assertThat(count(node, "replay_record")).as("replay records").isZero();
            assertThat(count(node, "mandate_decision")).as("mandate decisions").isZero();
            assertThat(count(node, "audit_record")).as("audit records").isZero();
        }
    }

    @Test
    void refusalKeepsItsMandateDecisionAndAuditRecordTogether() throws Exception {
        try (Node node = Node.start(database())) {
            GatewayResponse refused = node.client("las-b").send(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AA"),
                    Deliveries.list("99AA", 1));

            assertThat(refused).isInstanceOfSatisfying(SoapFaultInfo.class,
                    f -> assertThat(f.faultCode().getLocalPart()).isEqualTo("Client.AutorisatieOngeldig"));
            assertThat(count(node, "mandate_decision m JOIN audit_record a ON a.message_id = m.message_id"
                    + " WHERE m.outcome = 'DENIED' AND a.decision = 'refused'"
                    + " AND a.fault_code = 'Client.AutorisatieOngeldig'")).as("decision with its audit record")
                    .isEqualTo(1);
            assertThat(count(node, "replay_record")).as("the refused message's replay record").isEqualTo(1);
            assertThat(count(node, "participant_delivery")).as("deliveries").isZero();
        }
    }

    @Test
    void refusalWhoseAuditRecordCannotBeWrittenIsStillAnsweredAsTheRefusalAndKeepsNoDecision() throws Exception {
        try (Node node = Node.start(database())) {
            execute(node, "ALTER TABLE audit_record ADD CONSTRAINT no_refusal_audit CHECK (decision <> 'refused')");

            GatewayResponse refused = node.client("las-b").send(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AA"),
                    Deliveries.list("99AA", 1));

            assertThat(refused).isInstanceOfSatisfying(SoapFaultInfo.class,
                    f -> assertThat(f.faultCode().getLocalPart()).isEqualTo("Client.AutorisatieOngeldig"));
            assertThat(count(node, "mandate_decision")).as("mandate decisions").isZero();
            assertThat(count(node, "replay_record")).as("replay records").isZero();
            assertThat(count(node, "audit_record")).as("audit records").isZero();
        }
    }

    @Test
    void concurrentCopiesOfOneSignedDeliveryAreAcceptedOnceAndStoredOnce() throws Exception {
        int copies = 4;
        AtomicInteger handled = new AtomicInteger();
        try (Node node = Node.start(database(), real -> new Gateway.Handlers(
                (c, identity, digest, body) -> {
                    if (handled.incrementAndGet() == 1) {
                        // Holds the first copy's transaction open, so that the others pass the early replay read
                        // and meet its replay record at the unique key.
                        sleep(1_500);
                    }
                    return real.deelnemers().handle(c, identity, digest, body);
                },
                real.leerresultaten()))) {
            EindtoetsClient las = node.client("las-a");
            SignedRequest signed = las.signer().sign(las.envelope(Operation.BRENG_DEELNEMERS, Oin.ofSchool("99AA"),
                    Deliveries.list("99AA", 1)).build());
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return Deliveries.outcome(las.verify(las.exchange(Operation.BRENG_DEELNEMERS, signed)));
                    } catch (Exception e) {
                        return e.toString();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (CompletableFuture<String> a : answers) {
                outcomes.add(a.get(60, TimeUnit.SECONDS));
            }

            assertThat(outcomes).filteredOn("accepted"::equals).hasSize(1);
            assertThat(outcomes).filteredOn("InvalidSecurity"::equals).hasSize(copies - 1);
            assertThat(handled.get()).as("handler invocations").isEqualTo(1);
            assertThat(count(node, "participant_delivery")).as("deliveries").isEqualTo(1);
            assertThat(count(node, "replay_record")).as("replay records").isEqualTo(1);
            assertThat(count(node, "audit_record WHERE decision = 'accepted'")).as("accepted audit records")
                    .isEqualTo(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void execute(Node node, String sql) throws Exception {
        try (Connection c = node.gateway.database().dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Node node, String from) throws Exception {
        try (Connection c = node.gateway.database().dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
