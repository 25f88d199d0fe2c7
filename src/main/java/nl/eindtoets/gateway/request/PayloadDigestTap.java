package nl.eindtoets.gateway.request;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@link BodyDigest} of a payload, taken from the exclusive canonical form of the whole SOAP Body as it is
 * written for the Body's signature reference, so the payload is not canonicalised a second time.
 *
 * <p>Inside the Body, exclusive c14n renders the payload as it renders it on its own, except for namespace
 * declarations: one the Body's start tag already renders (its own prefix, {@code wsu}, an InclusiveNamespaces
 * prefix) is not rendered again below it. So the tap watches the tags of the payload as they stream past and gives
 * up when any of them uses or declares one of those prefixes (or the reference's InclusiveNamespaces prefixes, which
 * render differently inside), when the Body holds anything but one element between whitespace, or on a processing
 * instruction. Then {@link #hexOrNull()} is null and the caller digests the payload on its own. Canonical output is
 * regular enough to follow byte by byte: in text {@code <} always opens a tag, in a tag {@code "} always delimits a
 * value, an element is never written as an empty-element tag.
 */
public final class PayloadDigestTap extends OutputStream {

    private enum State {
        BODY_TAG, BEFORE, TAG_NAME, END_TAG, TAG, ATTRIBUTE_NAME, VALUE_START, VALUE, TEXT, AFTER, AFTER_LT, DONE, GAVE_UP
    }

    private final MessageDigest sha256;
    private final List<byte[]> reservedPrefixes = new ArrayList<>();
    private final byte[] name = new byte[256];
    private final ByteArrayOutputStream bodyTag = new ByteArrayOutputStream();
    private final byte[] one = new byte[1];
    private State state = State.BODY_TAG;
    private boolean bodyTagInValue;
    private int nameLength;
    private int depth;

    /** @param inclusivePrefixes the Body reference's InclusiveNamespaces PrefixList, or null */
    public PayloadDigestTap(String inclusivePrefixes) {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (inclusivePrefixes != null) {
            for (String p : inclusivePrefixes.trim().split("\\s+")) {
                if (!p.isEmpty()) {
                    // Santuario reads "xmlns" in a PrefixList as the default namespace, as "#default"
                    reserve(p.equals("#default") || p.equals("xmlns") ? "" : p);
                }
            }
        }
    }

    /** The payload's {@link BodyDigest}, or null when it could not be taken from the Body's canonical form. */
    public String hexOrNull() {
        return state == State.DONE ? HexFormat.of().formatHex(sha256.digest()) : null;
    }

    @Override
    public void write(int b) {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        try {
            scan(bytes, offset, length);
        } catch (RuntimeException e) {
            // The tap only saves work: whatever it cannot follow, the payload is digested on its own.
            giveUp();
        }
    }

    private void scan(byte[] bytes, int offset, int length) {
        int payloadFrom = isInPayload() ? offset : -1;
        int end = offset + length;
        for (int i = offset; i < end && state != State.GAVE_UP && state != State.DONE; i++) {
            byte b = bytes[i];
            switch (state) {
                case BODY_TAG -> bodyTag(b);
                case BEFORE -> {
                    if (b == '<') {
                        payloadFrom = i;
                        startTag();
                    } else if (!isWhitespace(b)) {
                        giveUp();
                    }
                }
                case TEXT -> {
                    // most of the payload is text: skip to the next tag in one scan
                    int lt = indexOf(bytes, i, end, (byte) '<');
                    if (lt < 0) {
                        i = end - 1;
                    } else {
                        i = lt;
                        startTag();
                    }
                }
                case TAG_NAME -> {
                    if (b == '/' && nameLength == 0) {
                        state = State.END_TAG;
                    } else if (b == '?' && nameLength == 0) {
                        giveUp();
                    } else {
                        int stop = scanName(bytes, i, end, (byte) ' ', (byte) '>');
                        if (stop == end) {
                            i = end - 1;
                        } else {
                            i = stop;
                            tagNameEnds(bytes[stop]);
                        }
                    }
                }
                case END_TAG -> {
                    int gt = indexOf(bytes, i, end, (byte) '>');
                    if (gt < 0) {
                        i = end - 1;
                    } else {
                        i = gt;
                        depth--;
                        state = depth == 0 ? State.AFTER : State.TEXT;
                    }
                }
                case TAG -> {
                    if (b == '>') {
                        state = State.TEXT;
                    } else if (b != ' ') {
                        state = State.ATTRIBUTE_NAME;
                        nameLength = 0;
                        i--;
                    }
                }
                case ATTRIBUTE_NAME -> {
                    int stop = scanName(bytes, i, end, (byte) '=', (byte) '=');
                    if (stop == end) {
                        i = end - 1;
                    } else {
                        i = stop;
                        checkAttribute();
                    }
                }
                case VALUE_START -> state = b == '"' ? State.VALUE : State.GAVE_UP;
                case VALUE -> {
                    int quote = indexOf(bytes, i, end, (byte) '"');
                    if (quote < 0) {
                        i = end - 1;
                    } else {
                        i = quote;
                        state = State.TAG;
                    }
                }
                case AFTER -> {
                    if (b == '<') {
                        state = State.AFTER_LT;
                    } else if (!isWhitespace(b)) {
                        giveUp();
                    }
                }
                // only the Body's end tag may follow the payload
                case AFTER_LT -> state = b == '/' ? State.DONE : State.GAVE_UP;
                default -> { }
            }
            if (state == State.AFTER && payloadFrom >= 0) {
                sha256.update(bytes, payloadFrom, i + 1 - payloadFrom);
                payloadFrom = -1;
            }
        }
        if (payloadFrom >= 0 && isInPayload()) {
            sha256.update(bytes, payloadFrom, end - payloadFrom);
        }
    }

    private boolean isInPayload() {
        return state == State.TAG_NAME || state == State.END_TAG || state == State.TAG || state == State.ATTRIBUTE_NAME
                || state == State.VALUE_START || state == State.VALUE || state == State.TEXT;
    }

    /** Collects the Body's start tag; at its end, reserves every prefix it declares. */
    /**
     * Collects the Body's start tag without its attribute values (so nothing inside a value can pass for a
     * declaration); at its end, reserves every prefix it declares.
     */
    private void bodyTag(byte b) {
        if (b == '"') {
            bodyTagInValue = !bodyTagInValue;
            return;
        }
        if (bodyTagInValue) {
            return;
        }
        if (b == '>') {
            // Read as UTF-8, so a prefix outside ASCII is reserved as the bytes the payload's tags carry.
            for (String attribute : bodyTag.toString(StandardCharsets.UTF_8).split(" ")) {
                if (attribute.equals("xmlns=")) {
                    reserve("");
                } else if (attribute.startsWith("xmlns:") && attribute.endsWith("=")) {
                    reserve(attribute.substring(6, attribute.length() - 1));
                }
            }
            state = State.BEFORE;
            return;
        }
        if (bodyTag.size() > 65_536) {
            giveUp();
        }
        bodyTag.write(b);
    }

    private void startTag() {
        state = State.TAG_NAME;
        nameLength = 0;
    }

    private static int indexOf(byte[] bytes, int from, int end, byte b) {
        for (int i = from; i < end; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Appends the name's bytes up to {@code stop1} or {@code stop2}; returns where it stopped ({@code end}: not yet). */
    private int scanName(byte[] bytes, int from, int end, byte stop1, byte stop2) {
        int stop = from;
        while (stop < end && bytes[stop] != stop1 && bytes[stop] != stop2) {
            stop++;
        }
        if (nameLength + stop - from > name.length) {
            giveUp();
            return end;
        }
        System.arraycopy(bytes, from, name, nameLength, stop - from);
        nameLength += stop - from;
        return stop;
    }

    /** An element's name is complete: refuse a reserved prefix; then read its attributes or its content. */
    private void tagNameEnds(byte b) {
        if (usesReservedPrefix(prefixLength(), false)) {
            giveUp();
            return;
        }
        depth++;
        state = b == '>' ? State.TEXT : State.TAG;
    }

    /** An attribute name is complete: refuse a reserved prefix used or declared; then skip its value. */
    private void checkAttribute() {
        boolean reserved;
        if (startsWith("xmlns:")) {
            reserved = isReserved(6, nameLength - 6);
        } else if (nameLength == 5 && startsWith("xmlns")) {
            reserved = isReserved(0, 0);
        } else {
            int prefix = prefixLength();
            // an unprefixed attribute is in no namespace: it uses no prefix
            reserved = prefix >= 0 && usesReservedPrefix(prefix, true);
        }
        if (reserved) {
            giveUp();
            return;
        }
        state = State.VALUE_START;
    }

    /** The length of the name's prefix, or -1 when it has none. */
    private int prefixLength() {
        for (int i = 0; i < nameLength; i++) {
            if (name[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    private boolean usesReservedPrefix(int prefixLength, boolean attribute) {
        return prefixLength < 0 ? !attribute && isReserved(0, 0) : isReserved(0, prefixLength);
    }

    private boolean isReserved(int from, int length) {
        for (byte[] prefix : reservedPrefixes) {
            if (prefix.length == length && Arrays.equals(prefix, 0, length, name, from, from + length)) {
                return true;
            }
        }
        return false;
    }

    private boolean startsWith(String ascii) {
        if (nameLength < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (name[i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void reserve(String prefix) {
        reservedPrefixes.add(prefix.getBytes(StandardCharsets.UTF_8));
    }

    private void giveUp() {
        state = State.GAVE_UP;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
