-- schemacog migration for postgres
-- from: old.yaml (fingerprint aea8fa09eca7b986)
-- to: new.yaml (fingerprint 4a0a5f05d76325a9)

BEGIN;

-- in place: drop constraint fk_child_pid of child (changed or gone)
ALTER TABLE child DROP CONSTRAINT fk_child_pid;

-- in place: add constraint of child
ALTER TABLE child ADD CONSTRAINT fk_child_pid FOREIGN KEY (pid) REFERENCES parent (id);

COMMIT;
