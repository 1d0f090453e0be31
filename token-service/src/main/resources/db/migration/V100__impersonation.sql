-- Impersonation sessions (DESIGN §1): every impersonated token of one (actor, subject, client) start belongs to one
-- session; ending it revokes them all. act = the RFC 8693 act chain of the session's tokens, as JSON.
create table impersonation_session (
    id              text primary key,
    actor_id        text        not null,
    subject_id      text        not null,
    client_id       text        not null,
    organization_id text,
    reason          text,
    flow            text        not null,
    rule_id         text,
    scopes          text[]      not null default '{}',
    refresh_allowed boolean     not null default false,
    act             text        not null,
    status          text        not null check (status in ('active', 'ended', 'expired')),
    started_at      timestamptz not null,
    expires_at      timestamptz not null,
    ended_at        timestamptz,
    end_reason      text,
    ended_by        text
);
create index impersonation_session_actor on impersonation_session (actor_id, started_at desc);
create index impersonation_session_subject on impersonation_session (subject_id, started_at desc);
create index impersonation_session_due on impersonation_session (expires_at) where status = 'active';
-- the session an (actor, subject, client) start joins while it is active
create index impersonation_session_start on impersonation_session (actor_id, subject_id, client_id) where status = 'active';

-- Refresh tokens of impersonated logins: refreshing keeps act and imp and stops with the session.
alter table refresh_token add column session_id text;
create index refresh_token_session on refresh_token (session_id) where session_id is not null;
create index issued_token_session on issued_token (session_id) where session_id is not null;

-- The Curity flow: a code whose login chose "act as" carries the actor and the policy's decision; the session opens
-- when the code is redeemed.
alter table authorization_code add column act_sub text;
alter table authorization_code add column imp_reason text;
alter table authorization_code add column imp_rule_id text;
alter table authorization_code add column imp_max_session_seconds integer;
alter table authorization_code add column imp_refresh_allowed boolean;

-- The Curity flow's second step: a person allowed to impersonate logged in and is asked "act as (optional)". Stored by
-- hash, usable once, shortly.
create table impersonation_prompt (
    prompt_hash text primary key,
    client_id   text        not null,
    actor_id    text        not null,
    claims      text        not null,
    scopes      text[]      not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    consumed_at timestamptz
);

-- Transactional outbox (DESIGN §5): written in the transaction of the state it describes, relayed to Kafka in seq
-- order by OutboxRelay, which claims rows (claimed_until) so replicas do not send the same row at once.
create table outbox_event (
    id            uuid primary key,
    seq           bigserial   not null unique,
    topic         text        not null,
    event_key     text,
    event_type    text        not null,
    payload       text        not null,
    created_at    timestamptz not null,
    attempts      integer     not null default 0,
    claimed_until timestamptz,
    sent_at       timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- directory.events already applied (consumers are idempotent on the CloudEvent id).
create table processed_event (
    event_id     text primary key,
    event_type   text        not null,
    processed_at timestamptz not null
);
