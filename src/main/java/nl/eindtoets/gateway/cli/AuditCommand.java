package nl.eindtoets.gateway.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import nl.eindtoets.gateway.store.AuditQuery;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.JdbcAuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code audit list}: search the request audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Read the request audit log.",
        subcommands = {AuditCommand.List.class})
public final class AuditCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List audit records, newest first; every given filter must match.")
    static final class List implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--from", description = "from this time (inclusive), e.g. 2026-11-30T00:00:00Z")
        Instant from;
        @Option(names = "--to", description = "until this time (exclusive)")
        Instant to;
        @Option(names = "--school-oin")
        String schoolOin;
        @Option(names = "--signer-oin")
        String signerOin;
        @Option(names = "--message-id")
        String messageId;
        @Option(names = "--correlation-id")
        String correlationId;
        @Option(names = "--operation")
        String operation;
        @Option(names = "--decision")
        String decision;
        @Option(names = "--fault-code")
        String faultCode;
        @Option(names = "--limit", defaultValue = "100")
        int limit;

        @Override
        public Integer call() {
            try (Database db = store.open()) {
                System.out.println("time\tcorrelationId\tmessageId\tsignerOin\tschoolOin\toperation\tdecision"
                        + "\tfaultCode\tbodyDigest");
                new JdbcAuditLog(db).search(new AuditQuery(from, to, schoolOin, signerOin, messageId, correlationId,
                        operation, decision, faultCode, limit, 0)).forEach(r -> System.out.println(String.join("\t",
                        r.time().toString(), n(r.correlationId()), n(r.messageId()), n(r.signerOin()),
                        n(r.schoolOin()), n(r.operation()), n(r.decision()), n(r.faultCode()), n(r.bodyDigest()))));
            }
            return 0;
        }

        private static String n(String s) {
            return s == null ? "-" : s;
        }
    }
}
