CREATE TABLE department (
    id integer NOT NULL PRIMARY KEY,
    head_id integer,
    parent_id integer REFERENCES department (id) ON DELETE CASCADE
);
COMMENT ON TABLE department IS 'Belongs to a company; has a head employee (a cycle with employee).';

CREATE TABLE employee (
    id integer NOT NULL PRIMARY KEY,
    department_id integer NOT NULL REFERENCES department (id) ON UPDATE CASCADE,
    code text NOT NULL UNIQUE CHECK (char_length(code) <= 8)
);

CREATE TABLE badge (
    employee_id integer NOT NULL,
    department_id integer NOT NULL,
    seq smallint NOT NULL DEFAULT 1,
    PRIMARY KEY (employee_id, seq),
    FOREIGN KEY (employee_id) REFERENCES employee (id) ON DELETE RESTRICT,
    FOREIGN KEY (department_id) REFERENCES department (id) ON UPDATE RESTRICT
);

ALTER TABLE department ADD CONSTRAINT fk_department_head_id FOREIGN KEY (head_id) REFERENCES employee (id) ON DELETE SET NULL;
