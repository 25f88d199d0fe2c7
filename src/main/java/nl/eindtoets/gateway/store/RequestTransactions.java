package nl.eindtoets.gateway.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import nl.eindtoets.gateway.request.DurableWrite;
import nl.eindtoets.gateway.request.FaultCode;
import nl.eindtoets.gateway.request.GatewayFault;
import nl.eindtoets.gateway.request.GatewayRequest;
import nl.eindtoets.gateway.request.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one database transaction of a request: what its stages enlisted (replay record, mandate decision), the
 * handler's work and the audit record are committed together, before the answer is sent. No audit, no answer: when
 * any of it cannot be committed, nothing of it is kept and the request is answered
 * {@code Server.TijdelijkNietBeschikbaar}.
 *
 * <p>A refusal commits what was enlisted with the refusal's audit record, also in one transaction. When that cannot
 * be written either, the refusal is still answered as the refusal it is (it changed nothing, and the sender should
 * learn why), and an error is logged with the correlation id; the mandate decision is in the log line of
 * {@code nl.eindtoets.gateway.audit.mandate} in any case.
 */
public final class RequestTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(RequestTransactions.class);

    private final Database database;

    public RequestTransactions(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Runs {@code work} after the request's enlisted writes and before its audit record, all in one transaction, and
     * returns the work's result once committed.
     *
     * @param audit the record of the request as answered; asked for once the work has succeeded
     * @throws GatewayFault the work's refusal (nothing committed; the enlisted writes stay for the refusal), a
     *                      replay lost to a concurrent copy (nothing committed and nothing left enlisted), or
     *                      {@code TijdelijkNietBeschikbaar} when the transaction could not be committed (likewise)
     */
    public <T> T commitAnswer(GatewayRequest request, SqlWork<T> work, Supplier<AuditRecord> audit) {
        List<DurableWrite> writes = request.enlistedWrites();
        SqlWork<T> all = c -> {
            for (DurableWrite w : writes) {
                w.writeTo(c);
            }
            T result = work.run(c);
            JdbcAuditLog.insert(c, audit.get());
            return result;
        };
        try {
            T result = runAllowingOneUniqueRace(all);
            request.committed();
            return result;
        } catch (GatewayFault e) {
            if (e.refusal() instanceof Refusal.Security) {
                // Only the replay record refuses for WS-Security here: a concurrent copy was committed first, so
                // nothing of this one is kept but the audit record of its refusal.
                request.discardEnlistedWrites();
            }
            throw e;
        } catch (StoreException e) {
            request.discardEnlistedWrites();
            LOG.warn("request not committed, answered as temporarily unavailable: correlationId={} reason={}",
                    request.correlationId(), SqlFailures.describe(e));
            FaultCode code = FaultCode.TIJDELIJK_NIET_BESCHIKBAAR;
            throw new GatewayFault(code, code.digikoppelingCode(), code.text(), e);
        }
    }

    /**
     * Commits the request's enlisted writes with the audit record of its refusal (or of an answer that needed no
     * transaction of its own). Never throws: a refusal is answered whatever happens here.
     */
    public void commitRefusal(GatewayRequest request, AuditRecord audit) {
        if (request.isCommitted()) {
            return;
        }
        try {
            try {
                write(request.enlistedWrites(), audit);
            } catch (GatewayFault replayed) {
                // A concurrent copy of this signed message was committed meanwhile: keep only what was answered.
                request.discardEnlistedWrites();
                write(List.of(), audit);
            }
            request.committed();
        } catch (RuntimeException e) {
            LOG.error("refusal not recorded, answered all the same: correlationId={} reason={}",
                    request.correlationId(), SqlFailures.describe(e));
        }
    }

    private void write(List<DurableWrite> writes, AuditRecord audit) {
        database.inTransaction(c -> {
            for (DurableWrite w : writes) {
                w.writeTo(c);
            }
            JdbcAuditLog.insert(c, audit);
            return null;
        });
    }

    /**
     * A unique key the work did not expect (the same MessageID stored meanwhile by another school's delivery) is
     * run once more: the work's repeat check then finds the committed row and answers as for any repeat.
     */
    private <T> T runAllowingOneUniqueRace(SqlWork<T> all) {
        try {
            return database.inTransaction(all);
        } catch (StoreException e) {
            if (e instanceof StoreUnavailableException || !(e.getCause() instanceof SQLException s)
                    || !SqlFailures.isUniqueViolation(s)) {
                throw e;
            }
            return database.inTransaction(all);
        }
    }
}
