-- schemacog migration for postgres
-- from: old.yaml (fingerprint 0cfd33d8fc31f24f)
-- to: new.yaml (fingerprint d8a0a5e992271725)

-- data check: note.tag: max_length (char_length(tag) <= 40): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, body AS body, tag AS tag FROM note) AS s WHERE NOT (char_length(tag) <= 40)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break note.tag: max_length'; END IF; END $sc$;

-- data check: note.tag: NOT NULL: no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, body AS body, tag AS tag FROM note) AS s WHERE tag IS NULL) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break note.tag: NOT NULL'; END IF; END $sc$;

BEGIN;

-- table rebuild: copy the rows of note aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, body, tag FROM note;

-- table rebuild: drop table note (its rows are copied aside)
DROP TABLE note;

-- table rebuild: create the rebuilt table note from the new schema
CREATE TABLE note (
    id integer NOT NULL CONSTRAINT pk_note PRIMARY KEY,
    body text NOT NULL DEFAULT 'b
CREATE SEQUENCE if exists s; drop table victim;
-- x
$sc$ $sc1$ $sc2$',
    tag text NOT NULL DEFAULT 'keep
CREATE SEQUENCE x;
this' CONSTRAINT ck_note_tag_max_length CHECK (char_length(tag) <= 40)
);

-- table rebuild: put the rows of note back, converted
INSERT INTO note (id, body, tag)
SELECT o.id, o.body, o.tag FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of note's old rows
DROP TABLE "sc-old-1";

COMMIT;
