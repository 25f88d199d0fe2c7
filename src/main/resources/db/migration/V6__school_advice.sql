-- Provisional school advice (Doorstroomtoetsketen v1.1, POST /registreren-schooladviezen): one row per pupil of a
-- school list, the latest advice replacing the earlier one. pupil_ref is the pupil's ECK-iD, or 'LAS-key:<key>' for
-- a pupil without one, as the current participant list knows the pupil.
CREATE TABLE school_advice (
    brin            VARCHAR(4)               NOT NULL,
    dependancecode  VARCHAR(2)               NOT NULL,
    schooljaar      VARCHAR(9)               NOT NULL,
    pupil_ref       VARCHAR(300)             NOT NULL,
    eckid           VARCHAR(256),
    las_key         VARCHAR(256),
    advies          VARCHAR(64)              NOT NULL,
    signer_oin      VARCHAR(20)              NOT NULL,
    edu_from        VARCHAR(64)              NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_school_advice PRIMARY KEY (brin, dependancecode, schooljaar, pupil_ref)
);
