package nl.eindtoets.gateway.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import nl.eindtoets.gateway.push.OutboxStatus;
import nl.eindtoets.gateway.store.Database;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code push status|retry}: the results waiting to be pushed to the LAS systems (docs/push.md). */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Watch the result push queue and make failed or waiting results due now.",
        subcommands = {PushCommand.Status.class, PushCommand.Retry.class})
public final class PushCommand {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Pending, delivered and failed results per school, with the oldest pending age and the last"
                    + " error.")
    static final class Status implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--schooljaar", description = "only this school year")
        String schooljaar;

        @Override
        public Integer call() {
            Clock clock = Clock.systemUTC();
            try (Database db = store.open()) {
                System.out.println("brincode\tdependancecode\tschooljaar\tpending\tdelivered\tfailed"
                        + "\toldestPendingAgeSeconds\tlastStatus\tlastError");
                for (OutboxStatus.School s : new OutboxStatus(db, clock).schools(schooljaar)) {
                    System.out.println(String.join("\t", s.brin(), s.dependancecode(), s.schooljaar(),
                            Long.toString(s.pending()), Long.toString(s.delivered()), Long.toString(s.failed()),
                            s.oldestPendingSince() == null ? "-"
                                    : Long.toString(Duration.between(s.oldestPendingSince(), clock.instant()).toSeconds()),
                            s.lastStatus() == null ? "-" : s.lastStatus().toString(),
                            s.lastError() == null ? "-" : s.lastError()));
                }
            }
            return 0;
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Make a school's failed and pending results (or one message) due now; exit code 1 when"
                    + " there was nothing to retry.")
    static final class Retry implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @ArgGroup(multiplicity = "1")
        Target target;

        static final class Target {
            @ArgGroup(exclusive = false)
            School school;
            @Option(names = "--message", description = "the id of one message (see the back office API)")
            Long message;
        }

        static final class School {
            @Option(names = "--brin", required = true, description = "BRIN4, e.g. 99AA")
            String brin;
            @Option(names = "--schooljaar", required = true, description = "e.g. 2026-2027")
            String schooljaar;
            @Option(names = "--dependancecode", defaultValue = "00", description = "default ${DEFAULT-VALUE}")
            String dependancecode;
        }

        @Override
        public Integer call() {
            try (Database db = store.open()) {
                OutboxStatus outbox = new OutboxStatus(db, Clock.systemUTC());
                int n = target.message != null ? outbox.retryMessage(target.message)
                        : outbox.retrySchool(target.school.brin, target.school.dependancecode, target.school.schooljaar);
                System.out.println("retried\t" + n);
                return n > 0 ? 0 : 1;
            }
        }
    }
}
