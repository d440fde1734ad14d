-- schemacog migration for sqlite
-- from: old.yaml (fingerprint 705ba09d48030061)
-- to: new.yaml (fingerprint f17046b734b5fd08)

PRAGMA foreign_keys = OFF;

-- data check: note.tag: max_length (length(tag) <= 40): no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break note.tag: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, body AS body, tag AS tag FROM note) AS s WHERE NOT (length(tag) <= 40)) AS c WHERE c.n > 0;

-- data check: note.tag: NOT NULL: no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break note.tag: NOT NULL') FROM (SELECT count(*) AS n FROM (SELECT id AS id, body AS body, tag AS tag FROM note) AS s WHERE tag IS NULL) AS c WHERE c.n > 0;

BEGIN;

-- table rebuild: copy the rows of note aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, body, tag FROM note;

-- table rebuild: drop table note (its rows are copied aside)
DROP TABLE note;

-- table rebuild: create the rebuilt table note from the new schema
CREATE TABLE note (
    id INTEGER NOT NULL CONSTRAINT pk_note PRIMARY KEY CONSTRAINT ck_note_id_min CHECK (id >= -2147483648) CONSTRAINT ck_note_id_max CHECK (id <= 2147483647),
    body TEXT NOT NULL DEFAULT 'b
CREATE SEQUENCE if exists s; drop table victim;
-- x
$sc$ $sc1$ $sc2$' CONSTRAINT ck_note_body_nul CHECK (instr(body, char(0)) = 0),
    tag TEXT NOT NULL DEFAULT 'keep
CREATE SEQUENCE x;
this' CONSTRAINT ck_note_tag_max_length CHECK (length(tag) <= 40) CONSTRAINT ck_note_tag_nul CHECK (instr(tag, char(0)) = 0)
);

-- table rebuild: put the rows of note back, converted
INSERT INTO note (id, body, tag)
SELECT o.id, o.body, o.tag FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of note's old rows
DROP TABLE "sc-old-1";

COMMIT;

PRAGMA foreign_keys = ON;
