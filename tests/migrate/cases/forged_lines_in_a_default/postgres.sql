-- schemacog migration for postgres
-- from: old.yaml (fingerprint 0cfd33d8fc31f24f)
-- to: new.yaml (fingerprint d8a0a5e992271725)

-- data check: note.tag: max_length (char_length(tag) <= 40): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, body AS body, tag AS tag FROM note) AS s WHERE NOT (char_length(tag) <= 40)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break note.tag: max_length'; END IF; END $sc$;

-- data check: note.tag: NOT NULL: no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, body AS body, tag AS tag FROM note) AS s WHERE tag IS NULL) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break note.tag: NOT NULL'; END IF; END $sc$;

BEGIN;

-- in place: change column note.body: set
ALTER TABLE note ALTER COLUMN body SET DEFAULT 'b
CREATE SEQUENCE if exists s; drop table victim;
-- x
$sc$ $sc1$ $sc2$';

-- in place: change column note.tag: set
ALTER TABLE note ALTER COLUMN tag SET NOT NULL;

-- in place: add constraint of note
ALTER TABLE note ADD CONSTRAINT ck_note_tag_max_length CHECK (char_length(tag) <= 40);

COMMIT;
