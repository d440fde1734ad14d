-- DuckDB: constraint names are not kept (its errors show the expression).

-- Not enforced by DuckDB: ON DELETE CASCADE of (parent_id) -> department: not supported, NO ACTION instead
-- DuckDB: a row whose (parent_id) names the row itself is refused (the key is checked before the row is stored)
CREATE TABLE department (
    id INTEGER NOT NULL CONSTRAINT pk_department PRIMARY KEY,
    head_id INTEGER,
    parent_id INTEGER CONSTRAINT fk_department_parent_id REFERENCES department (id)
);
COMMENT ON TABLE department IS 'Belongs to a company; has a head employee (a cycle with employee).';

-- Not enforced by DuckDB: ON UPDATE CASCADE of (department_id) -> department: not supported, NO ACTION instead
CREATE TABLE employee (
    id INTEGER NOT NULL CONSTRAINT pk_employee PRIMARY KEY,
    department_id INTEGER NOT NULL CONSTRAINT fk_employee_department_id REFERENCES department (id),
    code VARCHAR NOT NULL CONSTRAINT uq_employee_code UNIQUE CONSTRAINT ck_employee_code_max_length CHECK (length(code) <= 8) CONSTRAINT ck_employee_code_nul CHECK (NOT contains(code, chr(0)))
);

CREATE TABLE badge (
    employee_id INTEGER NOT NULL,
    department_id INTEGER NOT NULL,
    seq SMALLINT NOT NULL DEFAULT 1,
    CONSTRAINT pk_badge PRIMARY KEY (employee_id, seq),
    CONSTRAINT fk_badge_employee_id FOREIGN KEY (employee_id) REFERENCES employee (id) ON DELETE RESTRICT,
    CONSTRAINT fk_badge_department_id FOREIGN KEY (department_id) REFERENCES department (id) ON UPDATE RESTRICT
);

-- Not enforced by DuckDB: foreign key department(head_id) -> employee closes a cycle
