package nl.eindtoets.gateway.deelnemers;

import java.util.List;

/** A school's current participant list as stored, for the back office. */
public record CurrentList(StoredDelivery delivery, List<Groep> groepen, List<Leerling> leerlingen) {
}
