-- schemacog migration for duckdb
-- from: old.yaml (fingerprint f6844836b493e7ec)
-- to: new.yaml (fingerprint 2aa23b30f5581cab)

-- data check: playlist (owner_id) -> customer: foreign key: no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break playlist (owner_id) -> customer: foreign key') FROM (SELECT count(*) AS n FROM (SELECT id AS id, name AS name, CAST(NULL AS INTEGER) AS owner_id FROM playlist) AS s WHERE s.owner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (SELECT id AS id FROM customer) AS p WHERE p.id = s.owner_id)) AS c WHERE c.n > 0;

BEGIN TRANSACTION;

-- table rebuild: copy the rows of playlist aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, name FROM playlist;

-- table rebuild: drop table playlist (its rows are copied aside)
DROP TABLE playlist;

-- table rebuild: create the rebuilt table playlist from the new schema
CREATE TABLE playlist (
    id INTEGER NOT NULL CONSTRAINT pk_playlist PRIMARY KEY,
    name VARCHAR NOT NULL CONSTRAINT ck_playlist_name_max_length CHECK (length(name) <= 40) CONSTRAINT ck_playlist_name_nul CHECK (NOT contains(name, chr(0))),
    owner_id INTEGER CONSTRAINT fk_playlist_owner_id REFERENCES customer (id)
);

-- table rebuild: put the rows of playlist back, converted
INSERT INTO playlist (id, name)
SELECT o.id, o.name FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of playlist's old rows
DROP TABLE "sc-old-1";

COMMIT;
