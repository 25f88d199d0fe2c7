-- The result push at scale: indexes for what it filters by, and the pupil's LAS-key beside pupil_ref.
-- An import reads back the results it wrote by import_id.
CREATE INDEX ix_result_import ON result (import_id);
-- The claim: pending, due, no live lease, oldest due first.
DROP INDEX ix_result_outbox_due;
CREATE INDEX ix_result_outbox_claim ON result_outbox (state, next_attempt_at, lease_until);
-- The purge of delivered rows after push.retention.
CREATE INDEX ix_result_outbox_delivered ON result_outbox (state, delivered_at);
-- pupil_ref is the ECK-iD when the list had one, else LAS-key:<key>. An import finds the pupil's message by either,
-- so a pupil who gains an ECK-iD keeps one message; pupil_las_key holds the LAS-key for that. Rows written before
-- take it from pupil_ref, or from the pupil's stored results.
ALTER TABLE result_outbox ADD COLUMN pupil_las_key VARCHAR(256);
UPDATE result_outbox SET pupil_las_key = SUBSTR(pupil_ref, 9) WHERE pupil_ref LIKE 'LAS-key:%';
UPDATE result_outbox SET pupil_las_key = (SELECT MIN(r.pupil_las_key) FROM result r
    WHERE r.brin = result_outbox.brin AND r.dependancecode = result_outbox.dependancecode
      AND r.schooljaar = result_outbox.schooljaar AND r.pupil_eckid = result_outbox.pupil_ref)
    WHERE pupil_las_key IS NULL;
CREATE INDEX ix_result_outbox_las_key ON result_outbox (brin, dependancecode, schooljaar, pupil_las_key);
