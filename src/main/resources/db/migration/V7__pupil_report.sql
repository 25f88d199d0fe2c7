-- The id under which a LAS fetches a pupil's report (GET /leerlingrapport/{rapportid}): 256 random bits, assigned
-- when the pupil first appears on a current list, so that it exists (answered 204) before any result does. pupil_ref
-- names the pupil as school_advice does. Pupils of lists delivered before this version get theirs with the next
-- delivery of their school.
CREATE TABLE pupil_report (
    rapportid       VARCHAR(64)              NOT NULL,
    brin            VARCHAR(4)               NOT NULL,
    dependancecode  VARCHAR(2)               NOT NULL,
    schooljaar      VARCHAR(9)               NOT NULL,
    pupil_ref       VARCHAR(300)             NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_pupil_report PRIMARY KEY (rapportid),
    CONSTRAINT uq_pupil_report_pupil UNIQUE (brin, dependancecode, schooljaar, pupil_ref)
);
