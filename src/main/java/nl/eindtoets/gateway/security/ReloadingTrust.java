package nl.eindtoets.gateway.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current trust decisions, replaced whole when the trust store or a CRL changes: a reload builds a new
 * {@link CertificateChainValidator} (with an empty memory of validated certificates) and swaps it in atomically,
 * so requests in flight finish with the old one and the next handshake or signature uses the new one.
 *
 * <p>A reload that fails (unreadable file, bad CRL) keeps the previous material and is logged as an error; the old
 * CRLs still expire at their nextUpdate, after which their CAs' certificates fail (hard fail, never "allow").
 */
public final class ReloadingTrust implements Supplier<CertificateChainValidator> {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingTrust.class);

    private final SecuritySettings settings;
    private final Clock clock;
    private final CrlSource crlSource;
    private final AtomicReference<Loaded> current = new AtomicReference<>();

    /** Where CRLs come from besides the configured files (distribution points); {@link #NONE} for files only. */
    @FunctionalInterface
    public interface CrlSource {
        List<X509CRL> fetch() throws IOException;
    }

    public static final CrlSource NONE = List::of;

    private record Loaded(CertificateChainValidator validator, List<FileTime> stamps) {
    }

    public ReloadingTrust(SecuritySettings settings, Clock clock, CrlSource crlSource) {
        this.settings = settings;
        this.clock = clock;
        this.crlSource = crlSource;
        current.set(load());
    }

    @Override
    public CertificateChainValidator get() {
        return current.get().validator();
    }

    /** Reloads unconditionally (operator request, scheduled CRL refresh). Returns false when it failed. */
    public synchronized boolean reload() {
        try {
            current.set(load());
            LOG.info("trust material reloaded: {} anchors, {} intermediates, {} CRLs",
                    get().trust().anchors().size(), get().trust().intermediates().size(), get().trust().crls().size());
            return true;
        } catch (RuntimeException e) {
            LOG.error("trust material reload failed; keeping the previous material: {}", e.getMessage(), e);
            return false;
        }
    }

    /** Reloads when a trust store or CRL file changed since the last load. */
    public synchronized boolean reloadIfChanged() {
        if (!stamps().equals(current.get().stamps())) {
            return reload();
        }
        return false;
    }

    /** The earliest nextUpdate of the CRLs in use, or null when there are none. */
    public Instant earliestNextUpdate() {
        return get().trust().crls().stream().map(X509CRL::getNextUpdate).filter(Objects::nonNull)
                .map(java.util.Date::toInstant).min(Instant::compareTo).orElse(null);
    }

    /** CRLs whose nextUpdate has passed: their CAs' certificates are refused until a fresh CRL arrives. */
    public List<X509CRL> expiredCrls() {
        Instant now = clock.instant();
        return get().trust().crls().stream()
                .filter(c -> c.getNextUpdate() != null && c.getNextUpdate().toInstant().isBefore(now)).toList();
    }

    private Loaded load() {
        List<FileTime> stamps = stamps();
        TrustMaterial files = TrustMaterial.load(settings.truststore(), settings.truststorePassword(), settings.crlFiles());
        List<X509CRL> crls = new ArrayList<>(files.crls());
        try {
            crls.addAll(crlSource.fetch());
        } catch (IOException e) {
            throw new IllegalStateException("cannot fetch CRLs: " + e.getMessage(), e);
        }
        TrustMaterial material = new TrustMaterial(files.anchors(), files.intermediates(), crls);
        Instant now = clock.instant();
        for (X509CRL crl : crls) {
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(now)) {
                LOG.error("ALERT: CRL of {} expired at {}; certificates of that CA are refused until it is renewed",
                        crl.getIssuerX500Principal(), crl.getNextUpdate().toInstant());
            }
        }
        return new Loaded(new CertificateChainValidator(material, clock, Duration.ofMinutes(5)), stamps);
    }

    private List<FileTime> stamps() {
        List<Path> files = new ArrayList<>();
        files.add(settings.truststore());
        files.addAll(settings.crlFiles());
        List<FileTime> stamps = new ArrayList<>();
        for (Path f : files) {
            try {
                stamps.add(Files.getLastModifiedTime(f));
            } catch (IOException e) {
                stamps.add(FileTime.fromMillis(-1));
            }
        }
        return stamps;
    }
}
