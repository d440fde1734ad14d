-- schemacog migration for sqlite
-- from: old.yaml (fingerprint d839b841b9a44a93)
-- to: new.yaml (fingerprint 27affffd65e1c67c)

PRAGMA foreign_keys = OFF;

-- data check: playlist (owner_id) -> customer: foreign key: no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break playlist (owner_id) -> customer: foreign key') FROM (SELECT count(*) AS n FROM (SELECT id AS id, name AS name, NULL AS owner_id FROM playlist) AS s WHERE s.owner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (SELECT id AS id FROM customer) AS p WHERE p.id = s.owner_id)) AS c WHERE c.n > 0;

BEGIN;

-- table rebuild: copy the rows of playlist aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, name FROM playlist;

-- table rebuild: drop table playlist (its rows are copied aside)
DROP TABLE playlist;

-- table rebuild: create the rebuilt table playlist from the new schema
CREATE TABLE playlist (
    id INTEGER NOT NULL CONSTRAINT pk_playlist PRIMARY KEY CONSTRAINT ck_playlist_id_min CHECK (id >= -2147483648) CONSTRAINT ck_playlist_id_max CHECK (id <= 2147483647),
    name TEXT NOT NULL CONSTRAINT ck_playlist_name_max_length CHECK (length(name) <= 40) CONSTRAINT ck_playlist_name_nul CHECK (instr(name, char(0)) = 0),
    owner_id INTEGER CONSTRAINT ck_playlist_owner_id_min CHECK (owner_id >= -2147483648) CONSTRAINT ck_playlist_owner_id_max CHECK (owner_id <= 2147483647) CONSTRAINT fk_playlist_owner_id REFERENCES customer (id)
);

-- table rebuild: put the rows of playlist back, converted
INSERT INTO playlist (id, name)
SELECT o.id, o.name FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of playlist's old rows
DROP TABLE "sc-old-1";

COMMIT;

PRAGMA foreign_keys = ON;
