-- schemacog migration for duckdb
-- from: old.yaml (fingerprint 3e0d5a6e0471a184)
-- to: new.yaml (fingerprint 4f00c5169e938a6c)

BEGIN TRANSACTION;

-- table rebuild: copy the rows of note aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, body FROM note;

-- table rebuild: drop table note (its rows are copied aside)
DROP TABLE note;

-- table rebuild: create the rebuilt table note from the new schema
CREATE TABLE note (
    id BIGINT NOT NULL DEFAULT nextval('note_id_seq') CONSTRAINT pk_note PRIMARY KEY,
    body VARCHAR NOT NULL CONSTRAINT ck_note_body_nul CHECK (NOT contains(body, chr(0))),
    stars INTEGER NOT NULL DEFAULT 7
);

-- table rebuild: put the rows of note back, converted
INSERT INTO note (id, body)
SELECT o.id, o.body FROM "sc-old-1" AS o;

-- in place: create index ix_note_body
CREATE INDEX ix_note_body ON note (body);

-- table rebuild: continue note.id after the highest id
SELECT max(nextval('note_id_seq')) FROM range((SELECT coalesce(max(id), 0) FROM note) - (SELECT coalesce(max(last_value), 0) FROM duckdb_sequences() WHERE schema_name = current_schema() AND sequence_name = 'note_id_seq'));

-- table rebuild: drop the copy of note's old rows
DROP TABLE "sc-old-1";

COMMIT;
