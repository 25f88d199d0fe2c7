-- Signed messages already accepted, shared by every gateway node: a message replayed to any node finds its row.
-- Keyed by the SHA-256 (hex) of the signature value; signer and MessageID are kept for the audit trail only.
-- Rows are never evicted to make room: they go only once expires_at has passed (the message could no longer be
-- accepted anyway), by the gateway's background purge. The per-signer rate limit bounds how fast rows arrive.
CREATE TABLE replay_record (
    signature_hash  VARCHAR(64)              NOT NULL,
    signer_oin      VARCHAR(20),
    message_id      VARCHAR(512),
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_replay_record PRIMARY KEY (signature_hash)
);
CREATE INDEX ix_replay_record_expiry ON replay_record (expires_at);
