-- Browser sessions (issue 24): the cookie holds only a random id; the token it stands for is kept here, shared by
-- every replica, so signing out ends the session everywhere. Rows are found by the SHA-256 of the id, so this table
-- holds nothing a cookie could be made from. The application role reaches it only through the three functions below:
-- open one, use one (which also ends it if idle too long or past its end), close one; it cannot list sessions.
create table browser_session (
    id_hash      bytea primary key check (length(id_hash) = 32),
    token        text not null,
    user_name    text not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz not null default now(),
    ends_at      timestamptz not null
);
create index browser_session_ends on browser_session (ends_at);

-- A session ends when its token expires or p_longest after it opens, whichever is sooner (the database's clock).
create function browser_session_open(p_id_hash bytea, p_token text, p_user text, p_token_expires timestamptz, p_longest interval)
    returns void language sql volatile security definer set search_path = public as
$$
    -- expired sessions go as new ones arrive: nobody's session outlives its end by more than a sign-in elsewhere
    delete from browser_session where ends_at < now() or last_used_at < now() - interval '1 day';
    insert into browser_session (id_hash, token, user_name, ends_at)
    values (p_id_hash, p_token, p_user, least(now() + p_longest, coalesce(p_token_expires, now() + p_longest)));
$$;

-- The session's token if it is still open: not past its end, and used within p_idle. A session found idle or ended is
-- deleted. Its last use is moved on at most once a minute, so reading pages does not write a row per request.
create function browser_session_use(p_id_hash bytea, p_idle interval)
    returns text language plpgsql volatile security definer set search_path = public as
$$
declare
    s browser_session;
begin
    select * into s from browser_session where id_hash = p_id_hash;
    if s.id_hash is null then
        return null;
    end if;
    if s.ends_at <= now() or s.last_used_at <= now() - p_idle then
        delete from browser_session where id_hash = p_id_hash;
        return null;
    end if;
    if s.last_used_at < now() - interval '1 minute' then
        update browser_session set last_used_at = now() where id_hash = p_id_hash;
    end if;
    return s.token;
end;
$$;

create function browser_session_close(p_id_hash bytea)
    returns void language sql volatile security definer set search_path = public as
$$
    delete from browser_session where id_hash = p_id_hash;
$$;

revoke all on table browser_session from public;
revoke all on function browser_session_open(bytea, text, text, timestamptz, interval) from public;
revoke all on function browser_session_use(bytea, interval) from public;
revoke all on function browser_session_close(bytea) from public;
grant execute on function browser_session_open(bytea, text, text, timestamptz, interval) to ${appRole};
grant execute on function browser_session_use(bytea, interval) to ${appRole};
grant execute on function browser_session_close(bytea) to ${appRole};
