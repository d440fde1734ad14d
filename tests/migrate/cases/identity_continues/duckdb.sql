-- schemacog migration for duckdb
-- from: old.yaml (fingerprint d859612248beb3c3)
-- to: new.yaml (fingerprint 8b345773203c0d2d)

-- data check: ticket.title: max_length (length(title) <= 80): no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break ticket.title: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, title AS title FROM ticket) AS s WHERE NOT (length(title) <= 80)) AS c WHERE c.n > 0;

BEGIN TRANSACTION;

-- table rebuild: copy the rows of ticket aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, title FROM ticket;

-- table rebuild: drop table ticket (its rows are copied aside)
DROP TABLE ticket;

-- table rebuild: create the rebuilt table ticket from the new schema
CREATE TABLE ticket (
    id BIGINT NOT NULL DEFAULT nextval('ticket_id_seq') CONSTRAINT pk_ticket PRIMARY KEY,
    title VARCHAR NOT NULL CONSTRAINT ck_ticket_title_max_length CHECK (length(title) <= 80) CONSTRAINT ck_ticket_title_nul CHECK (NOT contains(title, chr(0)))
);

-- table rebuild: put the rows of ticket back, converted
INSERT INTO ticket (id, title)
SELECT o.id, o.title FROM "sc-old-1" AS o;

-- table rebuild: continue ticket.id after the highest id
SELECT max(nextval('ticket_id_seq')) FROM range((SELECT coalesce(max(id), 0) FROM ticket) - (SELECT coalesce(max(last_value), 0) FROM duckdb_sequences() WHERE schema_name = current_schema() AND sequence_name = 'ticket_id_seq'));

-- table rebuild: drop the copy of ticket's old rows
DROP TABLE "sc-old-1";

COMMIT;
