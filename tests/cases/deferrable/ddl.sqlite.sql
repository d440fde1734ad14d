-- SQLite: foreign keys are enforced only with PRAGMA foreign_keys = ON.
-- SQLite: declared types are affinities; a value of another type is not rejected.
-- SQLite: decimal is NUMERIC (binary floating point beyond 15 digits).

CREATE TABLE store
-- A shop; its manager is one of its staff.
(
    store_id INTEGER NOT NULL CONSTRAINT pk_store PRIMARY KEY CONSTRAINT ck_store_store_id_min CHECK (store_id >= -32768) CONSTRAINT ck_store_store_id_max CHECK (store_id <= 32767),
    manager_staff_id INTEGER NOT NULL CONSTRAINT ck_store_manager_staff_id_min CHECK (manager_staff_id >= -32768) CONSTRAINT ck_store_manager_staff_id_max CHECK (manager_staff_id <= 32767) CONSTRAINT fk_store_manager_staff_id REFERENCES staff (staff_id) DEFERRABLE INITIALLY DEFERRED,
    opened_on DATE NOT NULL CONSTRAINT ck_store_opened_on_min CHECK (opened_on >= '2000-01-01') CONSTRAINT ck_store_opened_on_max CHECK (opened_on <= '2099-12-31')
);

CREATE TABLE staff
-- Not enforced by SQLite: bounds of shift_start: compared as julianday(c), to the millisecond
-- Not enforced by SQLite: offset of shift_start: a value with an offset is converted or loses it
-- Not enforced by SQLite: bounds of last_update: compared as julianday(c), to the millisecond
-- Not enforced by SQLite: offset of last_update: a value without an offset is read in a default zone
(
    staff_id INTEGER NOT NULL CONSTRAINT pk_staff PRIMARY KEY CONSTRAINT ck_staff_staff_id_min CHECK (staff_id >= -32768) CONSTRAINT ck_staff_staff_id_max CHECK (staff_id <= 32767),
    store_id INTEGER NOT NULL CONSTRAINT ck_staff_store_id_min CHECK (store_id >= -32768) CONSTRAINT ck_staff_store_id_max CHECK (store_id <= 32767) CONSTRAINT fk_staff_store_id REFERENCES store (store_id),
    first_name TEXT NOT NULL CONSTRAINT ck_staff_first_name_max_length CHECK (length(first_name) <= 45) CONSTRAINT ck_staff_first_name_nul CHECK (instr(first_name, char(0)) = 0),
    shift_start TIME CONSTRAINT ck_staff_shift_start_min CHECK (julianday(shift_start) >= julianday('06:00:00')) CONSTRAINT ck_staff_shift_start_max CHECK (julianday(shift_start) <= julianday('14:00:00')),
    last_update TIMESTAMPTZ NOT NULL CONSTRAINT ck_staff_last_update_min CHECK (julianday(last_update) >= julianday('2000-01-01 00:00:00+00:00')) CONSTRAINT ck_staff_last_update_instant CHECK (last_update IS NULL OR coalesce(julianday(last_update), 0) >= 1721425.5)
);
