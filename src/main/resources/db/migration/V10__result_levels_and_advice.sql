-- What a toetssysteem reports beside the scores (the Resultaten of a Leerlingresultaat): the reference level a
-- pupil reached on a test part and the advice based on the whole test; and the school's name, for the report.
-- referentieniveau is one of the levels the primary school reports on (1F, 2F, 1S) and only on a test part's row;
-- toetsadvies is a school-type name as the test gives it (e.g. havo/vwo) and only on the whole-test row. The import
-- checks both per row; the constraints keep any other writer to the same rules. Rows stored before this version
-- have neither. Plain SQL for H2 2.x and PostgreSQL alike, one change per statement.
ALTER TABLE result ADD COLUMN referentieniveau VARCHAR(2);
ALTER TABLE result ADD COLUMN toetsadvies VARCHAR(64);
ALTER TABLE result ADD CONSTRAINT ck_result_referentieniveau CHECK (referentieniveau IN ('1F', '2F', '1S'));
ALTER TABLE result ADD CONSTRAINT ck_result_level_on_part
    CHECK (referentieniveau IS NULL OR toetsonderdeelcode IS NOT NULL);
ALTER TABLE result ADD CONSTRAINT ck_result_advice_on_test
    CHECK (toetsadvies IS NULL OR toetsonderdeelcode IS NULL);
ALTER TABLE school_registration ADD COLUMN schoolnaam VARCHAR(200);
