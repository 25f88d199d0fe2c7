package nl.eindtoets.gateway.bench;

import java.util.ArrayList;
import java.util.List;
import nl.eindtoets.gateway.request.Oin;

/**
 * The schools the load is spread over: load connection {@code i} always delivers for school {@code i}. A gateway
 * with a store refuses a list older than the school's stored one, and concurrent requests to one school overtake each
 * other, so every connection needs a school of its own to keep its deliveries in order. BRINs run 10AA, 10AB, …,
 * 10AZ, 10BA, … (two digits, two capitals), with school OIN {@code 00000007000 + BRIN + 00000}.
 */
final class LoadSchools {

    private static final int MOST = 26 * 26;

    private final List<String> brins;

    LoadSchools(int count) {
        if (count < 1 || count > MOST) {
            throw new IllegalArgumentException("between 1 and " + MOST + " schools, not " + count);
        }
        List<String> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add("10" + (char) ('A' + i / 26) + (char) ('A' + i % 26));
        }
        this.brins = List.copyOf(list);
    }

    /** The BRIN of the school that load connection {@code connection} delivers for. */
    String brin(int connection) {
        if (connection >= brins.size()) {
            throw new IllegalArgumentException("connection " + connection + " has no school: only " + brins.size()
                    + " schools were set up for this run");
        }
        return brins.get(connection);
    }

    Oin oin(int connection) {
        return Oin.ofSchool(brin(connection));
    }

    List<String> brins() {
        return brins;
    }

    int size() {
        return brins.size();
    }
}
