-- A council's own reference for an agency assignment (its HR system's), and the worker's registration number sealed
-- under that council's own key (AES-256-GCM, the key outside the database): what DfE's quarterly return asks for, read
-- back only for the engaging council's own return. Assignments recorded before this have neither: their return rows
-- say so.
alter table agency_assignment
    add column council_reference text check (council_reference is null or char_length(council_reference) <= 50),
    add column registration_sealed bytea,
    add column registration_key_version integer,
    add constraint agency_assignment_sealed_with_its_key check ((registration_sealed is null) = (registration_key_version is null));
