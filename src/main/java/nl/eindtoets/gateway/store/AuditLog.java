package nl.eindtoets.gateway.store;

import java.util.List;

/** The request audit trail: one record per request, searchable by the back office. */
public interface AuditLog {

    /** Stores {@code record} in its own transaction. */
    void record(AuditRecord record);

    List<AuditRecord> search(AuditQuery query);
}
