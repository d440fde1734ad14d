-- schemacog migration for duckdb
-- from: old.yaml (fingerprint bf2ac456bdfd9d73)
-- to: new.yaml (fingerprint bdb1e9d59aa23f4f)

-- data check: note.tag: max_length (length(tag) <= 40): no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break note.tag: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, body AS body, tag AS tag FROM note) AS s WHERE NOT (length(tag) <= 40)) AS c WHERE c.n > 0;

-- data check: note.tag: NOT NULL: no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break note.tag: NOT NULL') FROM (SELECT count(*) AS n FROM (SELECT id AS id, body AS body, tag AS tag FROM note) AS s WHERE tag IS NULL) AS c WHERE c.n > 0;

BEGIN TRANSACTION;

-- table rebuild: copy the rows of note aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, body, tag FROM note;

-- table rebuild: drop table note (its rows are copied aside)
DROP TABLE note;

-- table rebuild: create the rebuilt table note from the new schema
CREATE TABLE note (
    id INTEGER NOT NULL CONSTRAINT pk_note PRIMARY KEY,
    body VARCHAR NOT NULL DEFAULT 'b
CREATE SEQUENCE if exists s; drop table victim;
-- x
$sc$ $sc1$ $sc2$' CONSTRAINT ck_note_body_nul CHECK (NOT contains(body, chr(0))),
    tag VARCHAR NOT NULL DEFAULT 'keep
CREATE SEQUENCE x;
this' CONSTRAINT ck_note_tag_max_length CHECK (length(tag) <= 40) CONSTRAINT ck_note_tag_nul CHECK (NOT contains(tag, chr(0)))
);

-- table rebuild: put the rows of note back, converted
INSERT INTO note (id, body, tag)
SELECT o.id, o.body, o.tag FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of note's old rows
DROP TABLE "sc-old-1";

COMMIT;
