-- schemacog migration for postgres
-- from: old.yaml (fingerprint 65ebdcee0e513d85)
-- to: new.yaml (fingerprint 90dd3b61f2ab9bd5)

-- data check: ticket.title: max_length (char_length(title) <= 80): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, title AS title FROM ticket) AS s WHERE NOT (char_length(title) <= 80)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break ticket.title: max_length'; END IF; END $sc$;

BEGIN;

-- in place: drop constraint ck_ticket_title_max_length of ticket (changed or gone)
ALTER TABLE ticket DROP CONSTRAINT ck_ticket_title_max_length;

-- in place: add constraint of ticket
ALTER TABLE ticket ADD CONSTRAINT ck_ticket_title_max_length CHECK (char_length(title) <= 80);

-- table rebuild: continue ticket.id after the highest id
SELECT setval(pg_get_serial_sequence('ticket', 'id'), max(id)) FROM ticket HAVING max(id) IS NOT NULL;

COMMIT;
