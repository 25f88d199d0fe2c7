package nl.eindtoets.gateway.lassim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * What the simulated LAS accepted, in arrival order: in memory (the newest {@code capacity}), and when a directory
 * is given also one JSON file per result there, written before the 202 is sent so that nothing answered is lost.
 */
public final class ReceivedResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int capacity;
    private final Path directory;
    private final Deque<ReceivedResult> results = new ArrayDeque<>();
    private long total;

    /** @param directory where to write each result; null keeps them in memory only */
    public ReceivedResults(int capacity, Path directory) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.directory = directory;
        if (directory != null) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + directory, e);
            }
        }
    }

    void add(ReceivedResult result) {
        if (directory != null) {
            write(result);
        }
        synchronized (this) {
            results.addLast(result);
            total++;
            if (results.size() > capacity) {
                results.removeFirst();
            }
        }
    }

    /** The results held in memory, oldest first. */
    public synchronized List<ReceivedResult> all() {
        return List.copyOf(results);
    }

    /** How many results were accepted since start (including those no longer held in memory). */
    public synchronized long total() {
        return total;
    }

    public synchronized void clear() {
        results.clear();
    }

    /** The result as the JSON that {@code GET /sim/received} lists and the directory holds. */
    static ObjectNode toJson(ReceivedResult r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("ontvangen", r.receivedAt().toString());
        node.put("leverancier_oin", r.supplierOin().value());
        node.put("edu-to", r.eduTo());
        node.put("edu-from", r.eduFrom());
        node.set("leerlingresultaat", r.body());
        return node;
    }

    private void write(ReceivedResult result) {
        String name = result.receivedAt().toEpochMilli() + "-" + UUID.randomUUID() + ".json";
        Path target = directory.resolve(name);
        Path partial = directory.resolve(name + ".part");
        try {
            Files.write(partial, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(result)));
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
