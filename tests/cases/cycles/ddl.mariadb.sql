-- MariaDB: timestamptz columns are DATETIME(6) holding UTC; convert before writing.
-- MariaDB: the rules here hold in strict mode (STRICT_TRANS_TABLES, the default), and literals double their backslashes (not for sql_mode NO_BACKSLASH_ESCAPES).
-- MariaDB: a statement over max_allowed_packet (16 MiB by default) is refused, and with it any longer value.

CREATE TABLE department (
    id INT NOT NULL,
    head_id INT,
    parent_id INT,
    CONSTRAINT pk_department PRIMARY KEY (id),
    CONSTRAINT fk_department_parent_id FOREIGN KEY (parent_id) REFERENCES department (id) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='Belongs to a company; has a head employee (a cycle with employee).';

CREATE TABLE employee (
    id INT NOT NULL,
    department_id INT NOT NULL,
    code VARCHAR(9) NOT NULL,
    CONSTRAINT pk_employee PRIMARY KEY (id),
    CONSTRAINT fk_employee_department_id FOREIGN KEY (department_id) REFERENCES department (id) ON UPDATE CASCADE,
    CONSTRAINT uq_employee_code UNIQUE (code),
    CONSTRAINT ck_employee_code_max_length CHECK (CHAR_LENGTH(code) <= 8),
    CONSTRAINT ck_employee_code_nul CHECK (INSTR(code, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

CREATE TABLE badge (
    employee_id INT NOT NULL,
    department_id INT NOT NULL,
    seq SMALLINT NOT NULL DEFAULT 1,
    CONSTRAINT pk_badge PRIMARY KEY (employee_id, seq),
    CONSTRAINT fk_badge_employee_id FOREIGN KEY (employee_id) REFERENCES employee (id) ON DELETE RESTRICT,
    CONSTRAINT fk_badge_department_id FOREIGN KEY (department_id) REFERENCES department (id) ON UPDATE RESTRICT
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

ALTER TABLE department ADD CONSTRAINT fk_department_head_id FOREIGN KEY (head_id) REFERENCES employee (id) ON DELETE SET NULL;
