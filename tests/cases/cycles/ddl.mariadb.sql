-- MariaDB: timestamptz columns are DATETIME(6) holding UTC; convert before writing.
-- MariaDB: the rules here hold in strict mode (STRICT_TRANS_TABLES, the default).
-- MariaDB: a statement over max_allowed_packet (16 MiB by default) is refused, and with it any longer value.

CREATE TABLE department (
    id INT NOT NULL PRIMARY KEY,
    head_id INT,
    parent_id INT REFERENCES department (id) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='Belongs to a company; has a head employee (a cycle with employee).';

CREATE TABLE employee (
    id INT NOT NULL PRIMARY KEY,
    department_id INT NOT NULL REFERENCES department (id) ON UPDATE CASCADE,
    code VARCHAR(9) NOT NULL UNIQUE CHECK ((CHAR_LENGTH(code) <= 8) AND (INSTR(code, CHAR(0)) = 0))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE badge (
    employee_id INT NOT NULL,
    department_id INT NOT NULL,
    seq SMALLINT NOT NULL DEFAULT 1,
    PRIMARY KEY (employee_id, seq),
    FOREIGN KEY (employee_id) REFERENCES employee (id) ON DELETE RESTRICT,
    FOREIGN KEY (department_id) REFERENCES department (id) ON UPDATE RESTRICT
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

ALTER TABLE department ADD CONSTRAINT fk_department_head_id FOREIGN KEY (head_id) REFERENCES employee (id) ON DELETE SET NULL;
