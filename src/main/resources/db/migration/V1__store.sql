-- The gateway's store. Plain SQL that runs unchanged on H2 2.x and PostgreSQL 12+; no vendor extensions.
-- Times are TIMESTAMP WITH TIME ZONE written in UTC; dates are the school's (Europe/Amsterdam) calendar dates.

-- Schools registered with the supplier, per school year, with the window in which deliveries are accepted.
-- The row doubles as the lock that serialises deliveries for one school (SELECT ... FOR UPDATE).
CREATE TABLE school_registration (
    brin            VARCHAR(4)               NOT NULL,
    schooljaar      VARCHAR(9)               NOT NULL,
    window_opens    DATE                     NOT NULL,
    window_closes   DATE                     NOT NULL,
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_school_registration PRIMARY KEY (brin, schooljaar),
    CONSTRAINT ck_school_registration_window CHECK (window_closes >= window_opens)
);

-- One participant list as delivered (standlevering). Exactly one is current per school list; superseded ones stay.
-- current_list holds 'BRIN/dependancecode/schooljaar' while current and NULL once superseded, so the unique
-- constraint guarantees a single current list without partial indexes (which H2 lacks).
CREATE TABLE participant_delivery (
    id                   UUID                     NOT NULL,
    brin                 VARCHAR(4)               NOT NULL,
    dependancecode       VARCHAR(2)               NOT NULL,
    schooljaar           VARCHAR(9)               NOT NULL,
    signer_oin           VARCHAR(20)              NOT NULL,
    school_oin           VARCHAR(20)              NOT NULL,
    message_id           VARCHAR(512)             NOT NULL,
    body_digest          VARCHAR(64)              NOT NULL,
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    school_aanmaakdatum  TIMESTAMP WITH TIME ZONE NOT NULL,
    xsdversie            VARCHAR(32)              NOT NULL,
    participant_count    INTEGER                  NOT NULL,
    current_list         VARCHAR(20),
    superseded_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_participant_delivery PRIMARY KEY (id),
    CONSTRAINT uq_participant_delivery_message UNIQUE (signer_oin, message_id),
    CONSTRAINT uq_participant_delivery_current UNIQUE (current_list)
);
CREATE INDEX ix_participant_delivery_school ON participant_delivery (brin, schooljaar, dependancecode);

CREATE TABLE participant_group (
    delivery_id   UUID         NOT NULL,
    seq      INTEGER      NOT NULL,
    group_key     VARCHAR(256) NOT NULL,
    naam          VARCHAR(64),
    jaargroep     VARCHAR(2),
    CONSTRAINT pk_participant_group PRIMARY KEY (delivery_id, seq),
    CONSTRAINT fk_participant_group_delivery FOREIGN KEY (delivery_id) REFERENCES participant_delivery (id)
);

CREATE TABLE participant (
    delivery_id    UUID         NOT NULL,
    seq       INTEGER      NOT NULL,
    las_key        VARCHAR(256) NOT NULL,
    eckid          VARCHAR(256),
    achternaam     VARCHAR(200) NOT NULL,
    voorvoegsel    VARCHAR(10),
    voorletters    VARCHAR(6),
    roepnaam       VARCHAR(64)  NOT NULL,
    geboortedatum  DATE,
    geslacht       INTEGER,
    jaargroep      VARCHAR(2)   NOT NULL,
    group_key      VARCHAR(256) NOT NULL,
    CONSTRAINT pk_participant PRIMARY KEY (delivery_id, seq),
    CONSTRAINT fk_participant_delivery FOREIGN KEY (delivery_id) REFERENCES participant_delivery (id)
);
CREATE INDEX ix_participant_eckid ON participant (eckid);
CREATE INDEX ix_participant_las_key ON participant (las_key);

-- The supplier's tests and their parts; imported results must name one of these.
CREATE TABLE test_definition (
    toetscode   VARCHAR(256) NOT NULL,
    toetsnaam   VARCHAR(128) NOT NULL,
    CONSTRAINT pk_test_definition PRIMARY KEY (toetscode)
);

CREATE TABLE test_part (
    toetscode            VARCHAR(256) NOT NULL,
    volgnummer           INTEGER      NOT NULL,
    toetsonderdeelcode   VARCHAR(256) NOT NULL,
    toetsonderdeelnaam   VARCHAR(128),
    CONSTRAINT pk_test_part PRIMARY KEY (toetscode, volgnummer),
    CONSTRAINT uq_test_part_code UNIQUE (toetscode, toetsonderdeelcode),
    CONSTRAINT fk_test_part_test FOREIGN KEY (toetscode) REFERENCES test_definition (toetscode)
);

-- The supplier's test of the development fixtures; production catalogues are added by later migrations.
INSERT INTO test_definition (toetscode, toetsnaam) VALUES ('EINDTOETS-2027', 'Eindtoets PO 2027');
INSERT INTO test_part (toetscode, volgnummer, toetsonderdeelcode, toetsonderdeelnaam) VALUES ('EINDTOETS-2027', 1, 'REKENEN', 'Rekenen');
INSERT INTO test_part (toetscode, volgnummer, toetsonderdeelcode, toetsonderdeelnaam) VALUES ('EINDTOETS-2027', 2, 'TAALVERZORGING', 'Taalverzorging');
INSERT INTO test_part (toetscode, volgnummer, toetsonderdeelcode, toetsonderdeelnaam) VALUES ('EINDTOETS-2027', 3, 'LEZEN', 'Lezen');

-- One import of a results file through the back office; nothing is stored for a file with any bad row.
CREATE TABLE result_import (
    id           UUID                     NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    source       VARCHAR(64)              NOT NULL,
    row_count    INTEGER                  NOT NULL,
    CONSTRAINT pk_result_import PRIMARY KEY (id)
);

-- Current results per pupil: an import replaces all earlier results of the pupils it names.
CREATE TABLE result (
    id                   BIGINT GENERATED BY DEFAULT AS IDENTITY,
    import_id            UUID                     NOT NULL,
    imported_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    brin                 VARCHAR(4)               NOT NULL,
    dependancecode       VARCHAR(2)               NOT NULL,
    schooljaar           VARCHAR(9)               NOT NULL,
    pupil_las_key        VARCHAR(256)             NOT NULL,
    pupil_eckid          VARCHAR(256),
    toetscode            VARCHAR(256)             NOT NULL,
    toetsonderdeelcode   VARCHAR(256),
    afnamedatum          DATE                     NOT NULL,
    score                INTEGER                  NOT NULL,
    infourl              VARCHAR(256),
    CONSTRAINT pk_result PRIMARY KEY (id),
    CONSTRAINT fk_result_import FOREIGN KEY (import_id) REFERENCES result_import (id)
);
CREATE INDEX ix_result_school ON result (brin, schooljaar, dependancecode);

-- Per school list: when its results last changed (answers laatstontvangengegevens without scanning results,
-- and still moves when an import removes results).
CREATE TABLE result_version (
    brin            VARCHAR(4)               NOT NULL,
    dependancecode  VARCHAR(2)               NOT NULL,
    schooljaar      VARCHAR(9)               NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_result_version PRIMARY KEY (brin, dependancecode, schooljaar)
);

-- One record per SOAP request. No personal data: identifiers of organisations and messages only.
CREATE TABLE audit_record (
    id               BIGINT GENERATED BY DEFAULT AS IDENTITY,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    correlation_id   VARCHAR(64),
    message_id       VARCHAR(512),
    signer_oin       VARCHAR(20),
    school_oin       VARCHAR(20),
    operation        VARCHAR(64),
    decision         VARCHAR(32),
    fault_code       VARCHAR(64),
    body_digest      VARCHAR(64),
    CONSTRAINT pk_audit_record PRIMARY KEY (id)
);
CREATE INDEX ix_audit_record_time ON audit_record (occurred_at);
CREATE INDEX ix_audit_record_school ON audit_record (school_oin);
CREATE INDEX ix_audit_record_message ON audit_record (message_id);

-- OSR mandate decisions, kept for audit next to the request records.
CREATE TABLE mandate_decision (
    id                 BIGINT GENERATED BY DEFAULT AS IDENTITY,
    decided_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    message_id         VARCHAR(512),
    signer_oin         VARCHAR(20)              NOT NULL,
    school_oin         VARCHAR(20)              NOT NULL,
    service_namespace  VARCHAR(256)             NOT NULL,
    reference_date     DATE                     NOT NULL,
    outcome            VARCHAR(16)              NOT NULL,
    source             VARCHAR(16)              NOT NULL,
    CONSTRAINT pk_mandate_decision PRIMARY KEY (id)
);
CREATE INDEX ix_mandate_decision_time ON mandate_decision (decided_at);
