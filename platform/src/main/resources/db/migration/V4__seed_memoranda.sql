-- Every region starts with a memorandum, version 1, in force from 1 October 2024 (when the DfE agency
-- rules took effect), and every currently published authority of the region as a phase-1 member.
-- Region administrators record the real terms and membership as new versions.
-- Cooling-off: 3 months nationally and in the South East; 6 months under the London Pledge.
insert into memorandum_terms (region_code, version, effective_from, cooling_off_months, reference_standard_version,
                              small_count_threshold, permanent_staff_target_percent, dsa_purpose, dsa_lawful_basis,
                              dsa_data_items, retention_returns_months, retention_references_months,
                              retention_audit_months, recorded_by, change_reason)
select code, 1, date '2024-10-01',
       case when code = 'E12000007' then 6 else 3 end,
       '1.0', 5, 85.00,
       'Regional workforce planning, benchmarking and the memorandum''s common reference standard for children''s social workers',
       'Public task: UK GDPR Article 6(1)(e)',
       array ['aggregate workforce statistics', 'agency assignment records', 'references and end-of-placement reviews (pseudonymised worker identity)'],
       84, 72, 84, 'seed', 'Initial terms shipped with the platform'
from region;

insert into memorandum_membership (region_code, authority_code, phase, effective_from)
select region_code, gss_code, 'phase 1', date '2024-10-01'
from authority
where active;
