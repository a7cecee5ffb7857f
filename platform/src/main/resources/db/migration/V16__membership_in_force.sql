-- One definition of "a member on a date", used by every query about memberships: in force from its first day,
-- up to (not including) the day it ended. Inlined by PostgreSQL, so it costs nothing over writing it out.
create function membership_in_force(effective_from date, effective_to date, on_date date)
    returns boolean language sql immutable as
$$
    select effective_from <= on_date and (effective_to is null or effective_to > on_date)
$$;
grant execute on function membership_in_force(date, date, date) to ${appRole};

create or replace function share_memorandum(first_authority text, second_authority text, on_date date)
    returns boolean language sql stable as
$$
    select exists (
        select 1
          from memorandum_membership a
          join memorandum_membership b on b.region_code = a.region_code
         where a.authority_code = first_authority and b.authority_code = second_authority
           and membership_in_force(a.effective_from, a.effective_to, on_date)
           and membership_in_force(b.effective_from, b.effective_to, on_date))
$$;
