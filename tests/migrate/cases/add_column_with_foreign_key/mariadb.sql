-- schemacog migration for mariadb
-- from: old.yaml (fingerprint 1c1662adfc406b98)
-- to: new.yaml (fingerprint a51baf0a945577d1)

SET SESSION foreign_key_checks = 0;

-- data check: a table whose key refuses a failed check's message twice (its error says it)
CREATE TEMPORARY TABLE `sc-check` (message VARCHAR(700) PRIMARY KEY);

-- data check: playlist (owner_id) -> customer: foreign key: no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break playlist (owner_id) -> customer: foreign key') FROM (SELECT count(*) AS n FROM (SELECT id AS id, name AS name, NULL AS owner_id FROM playlist) AS s WHERE s.owner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (SELECT id AS id FROM customer) AS p WHERE p.id = s.owner_id)) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: drop it
DROP TEMPORARY TABLE `sc-check`;

START TRANSACTION;

-- table rebuild: copy the rows of playlist aside
CREATE TABLE `sc-old-1` AS SELECT id, name FROM playlist;

-- table rebuild: drop table playlist (its rows are copied aside)
DROP TABLE playlist;

-- table rebuild: create the rebuilt table playlist from the new schema
CREATE TABLE playlist (
    id INT NOT NULL,
    name VARCHAR(41) NOT NULL,
    owner_id INT,
    CONSTRAINT pk_playlist PRIMARY KEY (id),
    CONSTRAINT ck_playlist_name_max_length CHECK (CHAR_LENGTH(name) <= 40),
    CONSTRAINT ck_playlist_name_nul CHECK (INSTR(name, CHAR(0)) = 0),
    CONSTRAINT fk_playlist_owner_id FOREIGN KEY (owner_id) REFERENCES customer (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- table rebuild: put the rows of playlist back, converted
INSERT INTO playlist (id, name)
SELECT o.id, o.name FROM `sc-old-1` AS o;

-- table rebuild: drop the copy of playlist's old rows
DROP TABLE `sc-old-1`;

COMMIT;

SET SESSION foreign_key_checks = 1;
