-- Organizations form one tree under a single root. "path" is the chain of ids from the root down to the organization
-- itself ('/<root>/.../<self>/'); it never changes, because organizations do not move.
create table organizations (
    id         uuid primary key,
    handle     text        not null,
    name       text        not null,
    parent_id  uuid        references organizations (id),
    path       text        not null,
    status     text        not null default 'ACTIVE',
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint organizations_handle_key unique (handle),
    constraint organizations_handle_format check (handle ~ '^[a-z0-9-]{2,63}$'),
    constraint organizations_status_check check (status in ('ACTIVE', 'DISABLED'))
);

-- exactly one root: a second parentless insert (two replicas bootstrapping at once) conflicts
create unique index organizations_single_root on organizations ((parent_id is null)) where parent_id is null;
create index organizations_parent_id on organizations (parent_id, id);

-- usernames are unique across the suite (the login page takes a username only) and stored lowercase
create table users (
    id                     uuid primary key,
    username               text        not null,
    email                  text,
    display_name           text,
    organization_id        uuid        not null references organizations (id),
    status                 text        not null default 'ACTIVE',
    password_hash          text,
    failed_attempts        integer     not null default 0,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    constraint users_username_key unique (username),
    constraint users_username_lowercase check (username = lower(username)),
    constraint users_status_check check (status in ('ACTIVE', 'DISABLED', 'LOCKED'))
);

create index users_organization_id on users (organization_id, id);

-- a user is resident in exactly one organization and may be invited into descendants of it
create table memberships (
    id              uuid primary key,
    user_id         uuid        not null references users (id),
    organization_id uuid        not null references organizations (id),
    type            text        not null,
    created_at      timestamptz not null default now(),
    constraint memberships_user_organization_key unique (user_id, organization_id),
    constraint memberships_type_check check (type in ('RESIDENT', 'INVITED'))
);

create unique index memberships_one_residence on memberships (user_id) where type = 'RESIDENT';
create index memberships_organization_id on memberships (organization_id, user_id);
