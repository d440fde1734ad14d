-- MariaDB: timestamptz columns are DATETIME(6) holding UTC; convert before writing.
-- MariaDB: the rules here hold in strict mode (STRICT_TRANS_TABLES, the default), and literals double their backslashes (not for sql_mode NO_BACKSLASH_ESCAPES).
-- MariaDB: a statement over max_allowed_packet (16 MiB by default) is refused, and with it any longer value.

CREATE TABLE store (
    store_id SMALLINT NOT NULL,
    manager_staff_id SMALLINT NOT NULL,
    opened_on DATE NOT NULL,
    CONSTRAINT pk_store PRIMARY KEY (store_id),
    CONSTRAINT ck_store_opened_on_min CHECK (opened_on >= '2000-01-01'),
    CONSTRAINT ck_store_opened_on_max CHECK (opened_on <= '2099-12-31')
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A shop; its manager is one of its staff.';

-- Not enforced by MariaDB: offset of shift_start: a value with an offset is converted or loses it
-- Not enforced by MariaDB: offset of last_update: a value without an offset is read in a default zone
CREATE TABLE staff (
    staff_id SMALLINT NOT NULL,
    store_id SMALLINT NOT NULL,
    first_name VARCHAR(46) NOT NULL,
    shift_start TIME(6),
    last_update DATETIME(6) NOT NULL,
    CONSTRAINT pk_staff PRIMARY KEY (staff_id),
    CONSTRAINT fk_staff_store_id FOREIGN KEY (store_id) REFERENCES store (store_id),
    CONSTRAINT ck_staff_first_name_max_length CHECK (CHAR_LENGTH(first_name) <= 45),
    CONSTRAINT ck_staff_first_name_nul CHECK (INSTR(first_name, CHAR(0)) = 0),
    CONSTRAINT ck_staff_shift_start_min CHECK (shift_start >= '06:00:00'),
    CONSTRAINT ck_staff_shift_start_max CHECK (shift_start <= '14:00:00'),
    CONSTRAINT ck_staff_last_update_min CHECK (last_update >= '2000-01-01 00:00:00')
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- Not enforced by MariaDB: deferral of (manager_staff_id) -> staff: checked at each statement; rows that name rows after them load with SET foreign_key_checks = 0
ALTER TABLE store ADD CONSTRAINT fk_store_manager_staff_id FOREIGN KEY (manager_staff_id) REFERENCES staff (staff_id);
