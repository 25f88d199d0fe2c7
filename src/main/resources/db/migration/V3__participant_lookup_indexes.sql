-- No query looks participants up by ECK-iD or LAS key: pupils are read per delivery (the primary key's leading
-- column) and matched in the application. The two indexes cost three extra B-tree writes per pupil on every
-- delivery, the largest part of storing a list; they go until a query needs them.
DROP INDEX ix_participant_eckid;
DROP INDEX ix_participant_las_key;
