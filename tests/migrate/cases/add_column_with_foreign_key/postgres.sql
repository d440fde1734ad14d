-- schemacog migration for postgres
-- from: old.yaml (fingerprint f21daef5834398b5)
-- to: new.yaml (fingerprint ad14089339ecaa48)

-- data check: playlist (owner_id) -> customer: foreign key: no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, name AS name, CAST(NULL AS integer) AS owner_id FROM playlist) AS s WHERE s.owner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (SELECT id AS id FROM customer) AS p WHERE p.id = s.owner_id)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break playlist (owner_id) -> customer: foreign key'; END IF; END $sc$;

BEGIN;

-- table rebuild: copy the rows of playlist aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, name FROM playlist;

-- table rebuild: drop table playlist (its rows are copied aside)
DROP TABLE playlist;

-- table rebuild: create the rebuilt table playlist from the new schema
CREATE TABLE playlist (
    id integer NOT NULL CONSTRAINT pk_playlist PRIMARY KEY,
    name text NOT NULL CONSTRAINT ck_playlist_name_max_length CHECK (char_length(name) <= 40),
    owner_id integer CONSTRAINT fk_playlist_owner_id REFERENCES customer (id)
);

-- table rebuild: put the rows of playlist back, converted
INSERT INTO playlist (id, name)
SELECT o.id, o.name FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of playlist's old rows
DROP TABLE "sc-old-1";

COMMIT;
