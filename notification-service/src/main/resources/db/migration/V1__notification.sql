-- Per-organization notification settings; an organization without a row inherits its nearest ancestor's.
create table notification_settings (
    organization_id   varchar(255) primary key,
    enabled           boolean      not null,
    notify_on_end     boolean      not null,
    -- e-mail addresses, one per line (addresses cannot contain line breaks)
    security_contacts text         not null default '',
    updated_at        timestamptz  not null,
    updated_by        varchar(255)
);

-- Per-organization templates; locale '' is the organization's template for any locale.
create table notification_template (
    id              bigint generated always as identity primary key,
    organization_id varchar(255)  not null,
    type            varchar(32)  not null,
    locale          varchar(35)  not null default '',
    subject         text         not null,
    html_body       text         not null,
    text_body       text         not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(255),
    constraint notification_template_unique unique (organization_id, type, locale)
);

-- The inbox: every impersonation event this service must act on, recorded before the Kafka offset is committed.
create table inbound_event (
    event_id          varchar(255) primary key,
    type              varchar(100) not null,
    session_id        varchar(255) not null,
    subject_id        varchar(255) not null,
    actor_id          varchar(255) not null,
    client_id         varchar(255),
    organization_id   varchar(255),
    organization_name varchar(255),
    reason            text,
    end_reason        varchar(255),
    started_at        timestamptz,
    ended_at          timestamptz,
    received_at       timestamptz  not null,
    -- pending | processed | suppressed | failed
    status            varchar(16)  not null,
    attempts          integer      not null default 0,
    last_error        text,
    next_attempt_at   timestamptz  not null,
    processed_at      timestamptz
);
create index inbound_event_due on inbound_event (next_attempt_at) where status = 'pending';

-- The delivery log: one row per (session, recipient, kind), so a session is announced to a recipient once.
create table delivery (
    id              bigint generated always as identity primary key,
    event_id        varchar(255) not null references inbound_event (event_id),
    session_id      varchar(255) not null,
    kind            varchar(32)  not null,
    organization_id varchar(255),
    subject_id      varchar(255) not null,
    recipient       varchar(320) not null,
    -- subject | security_contact
    recipient_role  varchar(20)  not null,
    mail_subject    text         not null,
    html_body       text         not null,
    text_body       text         not null,
    -- pending | retrying | sent | failed
    status          varchar(16)  not null,
    attempts        integer      not null default 0,
    last_error      text,
    next_attempt_at timestamptz  not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    sent_at         timestamptz
);
create unique index delivery_once on delivery (session_id, lower(recipient), kind);
create index delivery_due on delivery (next_attempt_at) where status in ('pending', 'retrying');
create index delivery_event on delivery (event_id);
