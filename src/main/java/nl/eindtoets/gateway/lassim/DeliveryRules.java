package nl.eindtoets.gateway.lassim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import nl.eindtoets.gateway.request.Oin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the simulated LAS answers a delivery: the checks in the order docs/las-sim.md lists them, the first that fails
 * decides. The reasons are logged with OINs, keywords and paths only, never anything about the pupil.
 */
final class DeliveryRules {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryRules.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** edu-to and edu-from: 20 characters, digits and letters (an OIN or a routeringskenmerk). */
    private static final Pattern EDU_ID = Pattern.compile("[0-9A-Za-z]{20}");

    private final Set<Oin> acceptedSuppliers;
    private final Set<String> knownSchools;
    private final LeerlingresultaatSchema schema;
    private final ScriptedFailures failures;

    /** @param knownSchools school OINs the LAS administers; empty means every school */
    DeliveryRules(Set<Oin> acceptedSuppliers, Set<String> knownSchools, LeerlingresultaatSchema schema,
                  ScriptedFailures failures) {
        this.acceptedSuppliers = Set.copyOf(acceptedSuppliers);
        this.knownSchools = Set.copyOf(knownSchools);
        this.schema = Objects.requireNonNull(schema, "schema");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    Answer judge(Delivery d) {
        if (!"POST".equals(d.method())) {
            return Answer.refused(405, "Alleen POST.");
        }
        OptionalInt scripted = failures.take();
        if (scripted.isPresent()) {
            return Answer.refused(scripted.getAsInt(), "Gesimuleerde fout.");
        }
        if (d.clientOin().isEmpty() || !acceptedSuppliers.contains(d.clientOin().get())) {
            LOG.info("refused a delivery from client OIN {}: not an accepted supplier",
                    d.clientOin().map(Oin::value).orElse("(none)"));
            return Answer.refused(401, "De afzender is niet geautoriseerd.");
        }
        for (String name : new String[] {"edu-to", "edu-from"}) {
            String value = d.query().get(name);
            if (value == null || !EDU_ID.matcher(value).matches()) {
                return Answer.refused(422, "Ongeldige inhoud in ?" + name + ": 20 cijfers en letters verwacht.");
            }
        }
        String school = d.query().get("edu-from");
        if (!knownSchools.isEmpty() && !knownSchools.contains(school)) {
            return Answer.refused(405, "School onbekend bij de ontvanger.");
        }
        if (d.contentType() == null || !d.contentType().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Answer.refused(415, "Content-Type application/json verwacht.");
        }
        if (d.body() == null) {
            return Answer.refused(413, "Bericht groter dan " + LasSimulator.MAX_BODY_BYTES + " bytes.");
        }
        JsonNode body;
        try {
            body = JSON.readTree(d.body());
        } catch (JsonProcessingException e) {
            return Answer.refused(422, "Ongeldige inhoud in /: geen JSON.");
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array failed", e);
        }
        if (body == null || body.isMissingNode()) {
            return Answer.refused(422, "Ongeldige inhoud in /: leeg bericht.");
        }
        Optional<LeerlingresultaatSchema.Violation> violation = schema.firstViolation(body);
        if (violation.isPresent()) {
            LeerlingresultaatSchema.Violation v = violation.get();
            LOG.info("refused a delivery for school {}: {} at {}", school, v.keyword(), v.path());
            return Answer.refused(422, "Ongeldige inhoud in " + v.path() + ": " + v.message());
        }
        return new Answer(202, "Leerlingresultaat ontvangen.", body);
    }

    /**
     * @param accepted the body to keep; null unless the status is 202
     */
    record Answer(int status, String melding, JsonNode accepted) {
        static Answer refused(int status, String melding) {
            return new Answer(status, melding, null);
        }
    }
}
