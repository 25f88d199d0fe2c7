-- A participant delivery arrives over SOAP (BrengDeelnemers) or over the REST front door (POST /registreren).
-- channel says which; kind says how it was applied: a standlevering replaces the school's list, a mutatielevering
-- (Doorstroomtoetsketen) adds and changes pupils of the current list and never deletes. edu_from is the LAS's
-- routeringskenmerk of a REST delivery, kept for pushing results back; NULL for SOAP.
-- Existing rows are SOAP standleveringen. Plain SQL for H2 2.x and PostgreSQL alike, one column per statement.
ALTER TABLE participant_delivery ADD COLUMN channel VARCHAR(8) DEFAULT 'SOAP' NOT NULL;
ALTER TABLE participant_delivery ADD COLUMN kind VARCHAR(16) DEFAULT 'standlevering' NOT NULL;
ALTER TABLE participant_delivery ADD COLUMN edu_from VARCHAR(64);
