package nl.eindtoets.gateway.client;

import java.util.List;

/**
 * Order of the children of {@code wsse:Security}. The gateway accepts any order (Lax); the variants exist to prove it.
 */
public enum SecurityHeaderLayout {
    /** Timestamp, BinarySecurityToken, Signature: the order the gateway itself writes. */
    TIMESTAMP_FIRST(List.of(Item.TIMESTAMP, Item.TOKEN, Item.SIGNATURE)),
    /** BinarySecurityToken, Signature, Timestamp. */
    TIMESTAMP_LAST(List.of(Item.TOKEN, Item.SIGNATURE, Item.TIMESTAMP)),
    /** Signature, BinarySecurityToken, Timestamp: the signature before the token it refers to. */
    SIGNATURE_FIRST(List.of(Item.SIGNATURE, Item.TOKEN, Item.TIMESTAMP));

    enum Item { TIMESTAMP, TOKEN, SIGNATURE }

    private final List<Item> order;

    SecurityHeaderLayout(List<Item> order) {
        this.order = order;
    }

    List<Item> order() {
        return order;
    }
}
