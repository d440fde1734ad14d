-- SQLite: foreign keys are enforced only with PRAGMA foreign_keys = ON.
-- SQLite: declared types are affinities; a value of another type is not rejected.
-- SQLite: decimal is NUMERIC (binary floating point beyond 15 digits).

CREATE TABLE department
-- Belongs to a company; has a head employee (a cycle with employee).
(
    id INTEGER NOT NULL CONSTRAINT pk_department PRIMARY KEY CONSTRAINT ck_department_id_min CHECK (id >= -2147483648) CONSTRAINT ck_department_id_max CHECK (id <= 2147483647),
    head_id INTEGER CONSTRAINT ck_department_head_id_min CHECK (head_id >= -2147483648) CONSTRAINT ck_department_head_id_max CHECK (head_id <= 2147483647) CONSTRAINT fk_department_head_id REFERENCES employee (id) ON DELETE SET NULL,
    parent_id INTEGER CONSTRAINT ck_department_parent_id_min CHECK (parent_id >= -2147483648) CONSTRAINT ck_department_parent_id_max CHECK (parent_id <= 2147483647) CONSTRAINT fk_department_parent_id REFERENCES department (id) ON DELETE CASCADE
);

CREATE TABLE employee (
    id INTEGER NOT NULL CONSTRAINT pk_employee PRIMARY KEY CONSTRAINT ck_employee_id_min CHECK (id >= -2147483648) CONSTRAINT ck_employee_id_max CHECK (id <= 2147483647),
    department_id INTEGER NOT NULL CONSTRAINT ck_employee_department_id_min CHECK (department_id >= -2147483648) CONSTRAINT ck_employee_department_id_max CHECK (department_id <= 2147483647) CONSTRAINT fk_employee_department_id REFERENCES department (id) ON UPDATE CASCADE,
    code TEXT NOT NULL CONSTRAINT uq_employee_code UNIQUE CONSTRAINT ck_employee_code_max_length CHECK (length(code) <= 8) CONSTRAINT ck_employee_code_nul CHECK (instr(code, char(0)) = 0)
);

CREATE TABLE badge (
    employee_id INTEGER NOT NULL CONSTRAINT ck_badge_employee_id_min CHECK (employee_id >= -2147483648) CONSTRAINT ck_badge_employee_id_max CHECK (employee_id <= 2147483647),
    department_id INTEGER NOT NULL CONSTRAINT ck_badge_department_id_min CHECK (department_id >= -2147483648) CONSTRAINT ck_badge_department_id_max CHECK (department_id <= 2147483647),
    seq INTEGER NOT NULL DEFAULT 1 CONSTRAINT ck_badge_seq_min CHECK (seq >= -32768) CONSTRAINT ck_badge_seq_max CHECK (seq <= 32767),
    CONSTRAINT pk_badge PRIMARY KEY (employee_id, seq),
    CONSTRAINT fk_badge_employee_id FOREIGN KEY (employee_id) REFERENCES employee (id) ON DELETE RESTRICT,
    CONSTRAINT fk_badge_department_id FOREIGN KEY (department_id) REFERENCES department (id) ON UPDATE RESTRICT
);
