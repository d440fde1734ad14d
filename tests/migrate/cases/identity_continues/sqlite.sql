-- schemacog migration for sqlite
-- from: old.yaml (fingerprint 6fa047ff7bd56bd1)
-- to: new.yaml (fingerprint e43fd82b1194a4cd)

PRAGMA foreign_keys = OFF;

-- data check: ticket.title: max_length (length(title) <= 80): no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break ticket.title: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, title AS title FROM ticket) AS s WHERE NOT (length(title) <= 80)) AS c WHERE c.n > 0;

BEGIN;

-- table rebuild: copy the rows of ticket aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, title FROM ticket;

-- table rebuild: drop table ticket (its rows are copied aside)
DROP TABLE ticket;

-- table rebuild: create the rebuilt table ticket from the new schema
CREATE TABLE ticket (
    id INTEGER NOT NULL CONSTRAINT pk_ticket PRIMARY KEY,
    title TEXT NOT NULL CONSTRAINT ck_ticket_title_max_length CHECK (length(title) <= 80) CONSTRAINT ck_ticket_title_nul CHECK (instr(title, char(0)) = 0)
);

-- table rebuild: put the rows of ticket back, converted
INSERT INTO ticket (id, title)
SELECT o.id, o.title FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of ticket's old rows
DROP TABLE "sc-old-1";

COMMIT;

PRAGMA foreign_keys = ON;
