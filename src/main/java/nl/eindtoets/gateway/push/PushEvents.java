package nl.eindtoets.gateway.push;

/** What the sender reports per attempt, e.g. to metrics. */
public interface PushEvents {

    PushEvents NONE = new PushEvents() {
    };

    /** The LAS took a message. */
    default void delivered() {
    }

    /** An attempt did not deliver; the message waits for another. */
    default void retried() {
    }

    /** A message was refused for good or given up. */
    default void failed() {
    }
}
