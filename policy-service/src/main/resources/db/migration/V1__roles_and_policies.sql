-- Roles: a set of permissions (OAuth scopes) for one audience (a client id, or 'actas' for the suite itself),
-- belonging to one organization.
create table roles (
    id              varchar(36)  primary key,
    organization_id varchar(64)  not null,
    audience        varchar(200) not null,
    name            varchar(100) not null,
    description     varchar(1000),
    -- space-separated scope tokens (RFC 6749 §3.3): a scope never contains a space
    permissions     text         not null default '',
    built_in        boolean      not null default false,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    constraint roles_name_unique unique (organization_id, audience, name)
);

create table role_assignments (
    id          varchar(36) primary key,
    role_id     varchar(36) not null references roles (id) on delete cascade,
    user_id     varchar(64) not null,
    assigned_at timestamptz not null,
    constraint role_assignments_unique unique (role_id, user_id)
);
-- every decision loads the actor's and the subject's roles by user id
create index role_assignments_user on role_assignments (user_id);

-- Impersonation rules. The matchers and grants live in `definition` (the rule as written through the API); the columns
-- beside it order and filter. Decisions use an in-memory index rebuilt when policy_revision moves.
create table impersonation_policies (
    id         varchar(36)  primary key,
    name       varchar(200) not null,
    priority   integer      not null,
    effect     varchar(5)   not null check (effect in ('allow', 'deny')),
    enabled    boolean      not null,
    definition text         not null, -- JSON; cast to jsonb where queried
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);
create index impersonation_policies_order on impersonation_policies (priority, created_at, id);

-- One row; bumped in the same transaction as every rule change, so each instance knows when its index is stale.
create table policy_revision (
    id       integer primary key check (id = 1),
    revision bigint  not null
);
insert into policy_revision (id, revision) values (1, 0);
