-- schemacog migration for postgres
-- from: old.yaml (fingerprint f21daef5834398b5)
-- to: new.yaml (fingerprint ad14089339ecaa48)

-- data check: playlist (owner_id) -> customer: foreign key: no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, name AS name, CAST(NULL AS integer) AS owner_id FROM playlist) AS s WHERE s.owner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (SELECT id AS id FROM customer) AS p WHERE p.id = s.owner_id)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break playlist (owner_id) -> customer: foreign key'; END IF; END $sc$;

BEGIN;

-- in place: add a column to playlist
ALTER TABLE playlist ADD COLUMN owner_id integer;

-- in place: add constraint of playlist
ALTER TABLE playlist ADD CONSTRAINT fk_playlist_owner_id FOREIGN KEY (owner_id) REFERENCES customer (id);

COMMIT;
