package nl.eindtoets.gateway.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import nl.eindtoets.gateway.store.Database;
import nl.eindtoets.gateway.store.SchoolRegistration;
import nl.eindtoets.gateway.store.SchoolRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code schools register|list}: the schools registered with the supplier per school year. */
@Command(name = "schools", mixinStandardHelpOptions = true,
        description = "Register schools for a school year and list them.",
        subcommands = {SchoolsCommand.Register.class, SchoolsCommand.List.class})
public final class SchoolsCommand {

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register a school for a school year with its registration window (or move the window).")
    static final class Register implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--brin", required = true, description = "BRIN4, e.g. 99AA")
        String brin;
        @Option(names = "--schooljaar", required = true, description = "e.g. 2026-2027")
        String schooljaar;
        @Option(names = "--opens", required = true, description = "first day deliveries are accepted (yyyy-mm-dd)")
        LocalDate opens;
        @Option(names = "--closes", required = true, description = "last day deliveries are accepted (yyyy-mm-dd)")
        LocalDate closes;
        @Option(names = "--naam", description = "the school's name, shown on its pupils' reports (optional; when left"
                + " out, a name stored before is kept)")
        String naam;

        @Override
        public Integer call() {
            try (Database db = store.open()) {
                SchoolRegistration r = new SchoolRegistry(db).register(
                        new SchoolRegistration(brin, schooljaar, opens, closes, Clock.systemUTC().instant(), naam));
                System.out.println(line(r));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List registered schools.")
    static final class List implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--schooljaar", description = "only this school year")
        String schooljaar;

        @Override
        public Integer call() {
            try (Database db = store.open()) {
                System.out.println("brincode\tschooljaar\twindowOpens\twindowCloses\tnaam");
                new SchoolRegistry(db).list(schooljaar).forEach(r -> System.out.println(line(r)));
            }
            return 0;
        }
    }

    static String line(SchoolRegistration r) {
        return r.brin() + "\t" + r.schooljaar() + "\t" + r.windowOpens() + "\t" + r.windowCloses() + "\t"
                + (r.naam() == null ? "" : r.naam());
    }
}
