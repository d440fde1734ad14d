CREATE TABLE store (
    store_id smallint NOT NULL PRIMARY KEY,
    manager_staff_id smallint NOT NULL,
    opened_on date NOT NULL CHECK (opened_on >= '2000-01-01') CHECK (opened_on <= '2099-12-31')
);
COMMENT ON TABLE store IS 'A shop; its manager is one of its staff.';

-- Not enforced by PostgreSQL: offset of shift_start: a value with an offset is converted or loses it
-- Not enforced by PostgreSQL: offset of last_update: a value without an offset is read in a default zone
CREATE TABLE staff (
    staff_id smallint NOT NULL PRIMARY KEY,
    store_id smallint NOT NULL REFERENCES store (store_id),
    first_name text NOT NULL CHECK (char_length(first_name) <= 45),
    shift_start time CHECK (shift_start >= '06:00:00') CHECK (shift_start <= '14:00:00'),
    last_update timestamptz NOT NULL CHECK (last_update >= '2000-01-01 00:00:00+00:00') CHECK (last_update >= '0001-01-01 00:00:00+00:00' AND last_update <= '9999-12-31 23:59:59.999999+00:00')
);

ALTER TABLE store ADD CONSTRAINT fk_store_manager_staff_id FOREIGN KEY (manager_staff_id) REFERENCES staff (staff_id) DEFERRABLE INITIALLY DEFERRED;
