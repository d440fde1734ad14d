-- SQLite: foreign keys are enforced only with PRAGMA foreign_keys = ON.
-- SQLite: declared types are affinities; a value of another type is not rejected.
-- SQLite: decimal is NUMERIC (binary floating point beyond 15 digits).

-- Belongs to a company; has a head employee (a cycle with employee).
CREATE TABLE department (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id >= -2147483648) CHECK (id <= 2147483647),
    head_id INTEGER CHECK (head_id >= -2147483648) CHECK (head_id <= 2147483647) REFERENCES employee (id) ON DELETE SET NULL,
    parent_id INTEGER CHECK (parent_id >= -2147483648) CHECK (parent_id <= 2147483647) REFERENCES department (id) ON DELETE CASCADE
);

CREATE TABLE employee (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id >= -2147483648) CHECK (id <= 2147483647),
    department_id INTEGER NOT NULL CHECK (department_id >= -2147483648) CHECK (department_id <= 2147483647) REFERENCES department (id) ON UPDATE CASCADE,
    code TEXT NOT NULL UNIQUE CHECK (length(code) <= 8) CHECK (instr(code, char(0)) = 0)
);

CREATE TABLE badge (
    employee_id INTEGER NOT NULL CHECK (employee_id >= -2147483648) CHECK (employee_id <= 2147483647),
    department_id INTEGER NOT NULL CHECK (department_id >= -2147483648) CHECK (department_id <= 2147483647),
    seq INTEGER NOT NULL DEFAULT 1 CHECK (seq >= -32768) CHECK (seq <= 32767),
    PRIMARY KEY (employee_id, seq),
    FOREIGN KEY (employee_id) REFERENCES employee (id) ON DELETE RESTRICT,
    FOREIGN KEY (department_id) REFERENCES department (id) ON UPDATE RESTRICT
);
