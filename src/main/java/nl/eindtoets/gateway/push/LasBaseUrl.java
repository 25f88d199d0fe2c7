package nl.eindtoets.gateway.push;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What a LAS base URL may look like, whether an operator typed it or the OSR answered it: absolute https with a host,
 * no user info, query or fragment (the sender appends {@code /leerlingresultaat?edu-to=&edu-from=} to it), at most
 * 2048 characters (the column of {@code las_endpoint}).
 */
public final class LasBaseUrl {

    static final int MAX_LENGTH = 2048;

    private LasBaseUrl() {
    }

    /** {@code text} as a base URL; IllegalArgumentException saying what is wrong with it otherwise. */
    public static URI parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a LAS endpoint URL is required");
        }
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage(), e);
        }
        check(url);
        return url;
    }

    /** Refuses {@code url} unless it is an acceptable base URL. */
    public static void check(URI url) {
        if (!url.isAbsolute() || !"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("a LAS endpoint must be an absolute https URL with a host");
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("a LAS endpoint URL has no user info, query or fragment");
        }
        if (url.toString().length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a LAS endpoint URL is at most " + MAX_LENGTH + " characters");
        }
    }

    /** Whether {@code url} is an acceptable base URL. */
    public static boolean acceptable(URI url) {
        try {
            check(url);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
