-- SQLite: foreign keys are enforced only with PRAGMA foreign_keys = ON.
-- SQLite: declared types are affinities; a value of another type is not rejected.
-- SQLite: decimal is NUMERIC (binary floating point beyond 15 digits).

-- A shop; its manager is one of its staff.
CREATE TABLE store (
    store_id INTEGER NOT NULL PRIMARY KEY CHECK (store_id >= -32768) CHECK (store_id <= 32767),
    manager_staff_id INTEGER NOT NULL CHECK (manager_staff_id >= -32768) CHECK (manager_staff_id <= 32767) REFERENCES staff (staff_id) DEFERRABLE INITIALLY DEFERRED,
    opened_on TEXT NOT NULL CHECK (opened_on >= '2000-01-01') CHECK (opened_on <= '2099-12-31')
);

-- Not enforced by SQLite: bounds of shift_start: compared as julianday(c), to the millisecond
-- Not enforced by SQLite: offset of shift_start: a value with an offset is converted or loses it
-- Not enforced by SQLite: bounds of last_update: compared as julianday(c), to the millisecond
-- Not enforced by SQLite: offset of last_update: a value without an offset is read in a default zone
CREATE TABLE staff (
    staff_id INTEGER NOT NULL PRIMARY KEY CHECK (staff_id >= -32768) CHECK (staff_id <= 32767),
    store_id INTEGER NOT NULL CHECK (store_id >= -32768) CHECK (store_id <= 32767) REFERENCES store (store_id),
    first_name TEXT NOT NULL CHECK (length(first_name) <= 45) CHECK (instr(first_name, char(0)) = 0),
    shift_start TEXT CHECK (julianday(shift_start) >= julianday('06:00:00')) CHECK (julianday(shift_start) <= julianday('14:00:00')),
    last_update TEXT NOT NULL CHECK (julianday(last_update) >= julianday('2000-01-01 00:00:00+00:00')) CHECK (last_update IS NULL OR coalesce(julianday(last_update), 0) >= 1721425.5)
);
