-- DuckDB: constraint names are not kept (its errors show the expression).

CREATE TABLE store (
    store_id SMALLINT NOT NULL CONSTRAINT pk_store PRIMARY KEY,
    manager_staff_id SMALLINT NOT NULL,
    opened_on DATE NOT NULL CONSTRAINT ck_store_opened_on_min CHECK (opened_on >= '2000-01-01') CONSTRAINT ck_store_opened_on_max CHECK (opened_on <= '2099-12-31')
);
COMMENT ON TABLE store IS 'A shop; its manager is one of its staff.';

-- Not enforced by DuckDB: offset of shift_start: a value with an offset is converted or loses it
-- Not enforced by DuckDB: offset of last_update: a value without an offset is read in a default zone
CREATE TABLE staff (
    staff_id SMALLINT NOT NULL CONSTRAINT pk_staff PRIMARY KEY,
    store_id SMALLINT NOT NULL CONSTRAINT fk_staff_store_id REFERENCES store (store_id),
    first_name VARCHAR NOT NULL CONSTRAINT ck_staff_first_name_max_length CHECK (length(first_name) <= 45) CONSTRAINT ck_staff_first_name_nul CHECK (NOT contains(first_name, chr(0))),
    shift_start TIME CONSTRAINT ck_staff_shift_start_min CHECK (shift_start >= '06:00:00') CONSTRAINT ck_staff_shift_start_max CHECK (shift_start <= '14:00:00'),
    last_update TIMESTAMPTZ NOT NULL CONSTRAINT ck_staff_last_update_min CHECK (last_update >= '2000-01-01 00:00:00+00:00') CONSTRAINT ck_staff_last_update_instant CHECK (last_update >= '0001-01-01 00:00:00+00:00' AND last_update <= '9999-12-31 23:59:59.999999+00:00')
);

-- Not enforced by DuckDB: foreign key store(manager_staff_id) -> staff closes a cycle
