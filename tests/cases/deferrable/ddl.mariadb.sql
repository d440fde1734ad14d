-- MariaDB: timestamptz columns are DATETIME(6) holding UTC; convert before writing.
-- MariaDB: the rules here hold in strict mode (STRICT_TRANS_TABLES, the default).
-- MariaDB: a statement over max_allowed_packet (16 MiB by default) is refused, and with it any longer value.

CREATE TABLE store (
    store_id SMALLINT NOT NULL PRIMARY KEY,
    manager_staff_id SMALLINT NOT NULL,
    opened_on DATE NOT NULL CHECK ((opened_on >= '2000-01-01') AND (opened_on <= '2099-12-31'))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A shop; its manager is one of its staff.';

-- Not enforced by MariaDB: offset of shift_start: a value with an offset is converted or loses it
-- Not enforced by MariaDB: offset of last_update: a value without an offset is read in a default zone
CREATE TABLE staff (
    staff_id SMALLINT NOT NULL PRIMARY KEY,
    store_id SMALLINT NOT NULL REFERENCES store (store_id),
    first_name VARCHAR(46) NOT NULL CHECK ((CHAR_LENGTH(first_name) <= 45) AND (INSTR(first_name, CHAR(0)) = 0)),
    shift_start TIME(6) CHECK ((shift_start >= '06:00:00') AND (shift_start <= '14:00:00')),
    last_update DATETIME(6) NOT NULL CHECK (last_update >= '2000-01-01 00:00:00')
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- Not enforced by MariaDB: deferral of (manager_staff_id) -> staff: checked at each statement; rows that name rows after them load with SET foreign_key_checks = 0
ALTER TABLE store ADD CONSTRAINT fk_store_manager_staff_id FOREIGN KEY (manager_staff_id) REFERENCES staff (staff_id);
