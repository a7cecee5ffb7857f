-- One spelling for DfE's fifth role type everywhere: IRO_CP_CHAIR (independent reviewing officer or child protection
-- conference chair), as DfE's census, the measure catalogue and the reference template write it. The agency tables
-- said IRO_OR_CP_CHAIR, so an integrator met two codes for one role. The service still reads the earlier spelling in
-- uploaded files and bodies (agency.RoleType); what it stores and answers is this one.
alter table agency_leaver drop constraint agency_leaver_role_check;
update agency_leaver set role = 'IRO_CP_CHAIR' where role = 'IRO_OR_CP_CHAIR';
alter table agency_leaver add constraint agency_leaver_role_check
    check (role in ('SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER', 'ADVANCED_PRACTITIONER', 'TEAM_MANAGER', 'IRO_CP_CHAIR'));

alter table agency_price_cap drop constraint agency_price_cap_role_type_check;
update agency_price_cap set role_type = 'IRO_CP_CHAIR' where role_type = 'IRO_OR_CP_CHAIR';
alter table agency_price_cap add constraint agency_price_cap_role_type_check
    check (role_type in ('SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER', 'ADVANCED_PRACTITIONER', 'TEAM_MANAGER', 'IRO_CP_CHAIR'));

alter table agency_assignment drop constraint agency_assignment_role_type_check;
update agency_assignment set role_type = 'IRO_CP_CHAIR' where role_type = 'IRO_OR_CP_CHAIR';
alter table agency_assignment add constraint agency_assignment_role_type_check
    check (role_type in ('SOCIAL_WORKER', 'SENIOR_SOCIAL_WORKER', 'ADVANCED_PRACTITIONER', 'TEAM_MANAGER', 'IRO_CP_CHAIR'));
