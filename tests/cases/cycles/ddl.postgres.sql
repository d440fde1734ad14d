CREATE TABLE department (
    id integer NOT NULL CONSTRAINT pk_department PRIMARY KEY,
    head_id integer,
    parent_id integer CONSTRAINT fk_department_parent_id REFERENCES department (id) ON DELETE CASCADE
);
COMMENT ON TABLE department IS 'Belongs to a company; has a head employee (a cycle with employee).';

CREATE TABLE employee (
    id integer NOT NULL CONSTRAINT pk_employee PRIMARY KEY,
    department_id integer NOT NULL CONSTRAINT fk_employee_department_id REFERENCES department (id) ON UPDATE CASCADE,
    code text NOT NULL CONSTRAINT uq_employee_code UNIQUE CONSTRAINT ck_employee_code_max_length CHECK (char_length(code) <= 8)
);

CREATE TABLE badge (
    employee_id integer NOT NULL,
    department_id integer NOT NULL,
    seq smallint NOT NULL DEFAULT 1,
    CONSTRAINT pk_badge PRIMARY KEY (employee_id, seq),
    CONSTRAINT fk_badge_employee_id FOREIGN KEY (employee_id) REFERENCES employee (id) ON DELETE RESTRICT,
    CONSTRAINT fk_badge_department_id FOREIGN KEY (department_id) REFERENCES department (id) ON UPDATE RESTRICT
);

ALTER TABLE department ADD CONSTRAINT fk_department_head_id FOREIGN KEY (head_id) REFERENCES employee (id) ON DELETE SET NULL;
