package nl.eindtoets.gateway.rapport;

import java.util.Objects;
import java.util.Optional;
import nl.eindtoets.gateway.deelnemers.CurrentList;
import nl.eindtoets.gateway.deelnemers.DeliveryStore;
import nl.eindtoets.gateway.deelnemers.Groep;
import nl.eindtoets.gateway.deelnemers.Leerling;
import nl.eindtoets.gateway.deelnemers.PupilReports;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenAntwoord.Toets;
import nl.eindtoets.gateway.leerresultaten.LeerresultatenService;
import nl.eindtoets.gateway.leerresultaten.PupilResults;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.SchoolRegistration;
import nl.eindtoets.gateway.store.SchoolRegistry;
import nl.eindtoets.gateway.store.StoreUnavailableException;

/**
 * The leerlingrapport behind a report id, for one school only: unknown (also when the id belongs to a pupil of
 * another school, or to a pupil who left the list), not yet available (no whole-test result imported), or the PDF
 * made from the school's registration (its name), the current list, the catalogue and the pupil's results with
 * their reference levels and advice.
 */
public final class LeerlingrapportService {

    /** What is there for a report id. */
    public sealed interface Rapport {
        record Onbekend() implements Rapport {
        }

        record NogNiet() implements Rapport {
        }

        record Pdf(byte[] bytes) implements Rapport {
        }
    }

    private final PupilReports reports;
    private final DeliveryStore deliveries;
    private final LeerresultatenService leerresultaten;
    private final SchoolRegistry schools;
    private final LeerlingrapportPdf pdf = new LeerlingrapportPdf();

    public LeerlingrapportService(Database database) {
        Objects.requireNonNull(database, "database");
        this.reports = new PupilReports(database);
        this.deliveries = new DeliveryStore(database);
        this.leerresultaten = new LeerresultatenService(database);
        this.schools = new SchoolRegistry(database);
    }

    /** @throws nl.eindtoets.gateway.request.GatewayFault {@code TijdelijkNietBeschikbaar} when the store is down */
    public Rapport fetch(String brin, String rapportid) {
        try {
            Optional<PupilReports.PupilReport> report = reports.find(brin, rapportid);
            if (report.isEmpty()) {
                return new Rapport.Onbekend();
            }
            PupilReports.PupilReport r = report.get();
            Optional<CurrentList> list = deliveries.currentList(brin, r.dependancecode(), r.schooljaar());
            Optional<Leerling> pupil = list.flatMap(l -> l.leerlingen().stream()
                    .filter(p -> p.ref().equals(r.pupilRef())).findFirst());
            if (pupil.isEmpty()) {
                return new Rapport.Onbekend();
            }
            PupilResults results = leerresultaten.resultsOf(brin, r.dependancecode(), r.schooljaar(), pupil.get());
            Optional<Toets> toets = results.toetsen().stream().filter(t -> results.resultaten().stream()
                    .anyMatch(x -> x.toetsonderdeelcode() == null && t.toetscode().equals(x.toetscode())))
                    .findFirst();
            if (toets.isEmpty()) {
                return new Rapport.NogNiet();
            }
            Groep groep = list.get().groepen().stream().filter(g -> g.key().equals(pupil.get().groepKey()))
                    .findFirst().orElse(null);
            String toetscode = toets.get().toetscode();
            String schoolnaam = schools.find(brin, r.schooljaar()).map(SchoolRegistration::naam).orElse(null);
            return new Rapport.Pdf(pdf.render(Leerlingrapport.of(schoolnaam, brin, pupil.get(), groep, toets.get(),
                    results.resultaten(), results.referentieniveaus(toetscode),
                    results.toetsadvies(toetscode).orElse(null))));
        } catch (StoreUnavailableException e) {
            throw e.toFault();
        }
    }
}
