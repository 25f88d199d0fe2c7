package nl.eindtoets.gateway.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The gateway's configuration: one properties file, documented in {@code gateway-defaults.properties} (the defaults,
 * which are the development fixtures), optionally overlaid by an operator's file and by environment variables.
 * A key {@code osr.base-url} is overridden by the environment variable {@code EINDTOETS_OSR_BASE_URL}.
 *
 * <p>Subsystems read their own keys into small typed settings records; this class only knows strings.
 */
public final class GatewayConfig {

    public static final String DEFAULTS_RESOURCE = "/gateway-defaults.properties";

    private final Map<String, String> values;

    private GatewayConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Defaults, then {@code file} (when not null), then the process environment. */
    public static GatewayConfig load(Path file) {
        return load(file, System.getenv(), Map.of());
    }

    /** Defaults, then {@code file}, then {@code environment}, then {@code overrides} (used by tests and commands). */
    public static GatewayConfig load(Path file, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(readDefaults());
        if (file != null) {
            merged.putAll(read(file));
        }
        for (String key : merged.keySet().toArray(String[]::new)) {
            String env = environment.get(environmentName(key));
            if (env != null) {
                merged.put(key, env);
            }
        }
        merged.putAll(overrides);
        return new GatewayConfig(merged);
    }

    /** The defaults only, with {@code overrides} on top. */
    public static GatewayConfig defaults(Map<String, String> overrides) {
        return load(null, Map.of(), overrides);
    }

    /** A copy with {@code overrides} on top of these values. */
    public GatewayConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(values);
        merged.putAll(overrides);
        return new GatewayConfig(merged);
    }

    public static String environmentName(String key) {
        return "EINDTOETS_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String string(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("missing configuration key " + key);
        }
        return v.strip();
    }

    /** The value, or null when the key is absent or blank. */
    public String optional(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    public int integer(String key) {
        return Integer.parseInt(string(key));
    }

    public long longValue(String key) {
        return Long.parseLong(string(key));
    }

    public boolean bool(String key) {
        return Boolean.parseBoolean(string(key));
    }

    /** ISO-8601 ({@code PT5M}) or a number followed by ms, s, m, h or d ({@code 300s}). */
    public Duration duration(String key) {
        return parseDuration(string(key));
    }

    /** A path; relative paths are taken relative to the working directory. */
    public Path path(String key) {
        return Path.of(string(key));
    }

    public char[] secret(String key) {
        return string(key).toCharArray();
    }

    public Map<String, String> asMap() {
        return values;
    }

    static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        long n = Long.parseLong(t.substring(0, i));
        return switch (t.substring(i)) {
            case "ms" -> Duration.ofMillis(n);
            case "s", "" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("not a duration: " + text);
        };
    }

    private static Map<String, String> readDefaults() {
        try (InputStream in = GatewayConfig.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the class path");
            }
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return toMap(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, e);
        }
    }

    private static Map<String, String> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            return toMap(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read configuration file " + file, e);
        }
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }
}
