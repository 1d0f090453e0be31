-- Signing keys: the private part is AES-GCM encrypted with the key-encryption key (actas.keys.encryption-key).
create table signing_key (
    kid         text primary key,
    algorithm   text        not null,
    public_jwk  text        not null,
    private_key bytea       not null,
    created_at  timestamptz not null,
    retired_at  timestamptz
);
-- at most one key signs at a time
create unique index signing_key_one_active on signing_key ((retired_at is null)) where retired_at is null;

-- OAuth clients; secrets are bcrypt hashes.
create table oauth_client (
    client_id                    text primary key,
    name                         text        not null,
    client_type                  text        not null check (client_type in ('confidential', 'public')),
    secret_hash                  text,
    secret_rotated_at            timestamptz,
    redirect_uris                text[]      not null default '{}',
    grant_types                  text[]      not null default '{}',
    scopes                       text[]      not null default '{}',
    access_token_lifetime        integer     not null check (access_token_lifetime > 0),
    refresh_token_lifetime       integer     not null check (refresh_token_lifetime > 0),
    impersonation_token_lifetime integer     not null check (impersonation_token_lifetime > 0),
    impersonation_enabled        boolean     not null default false,
    impersonation_prompt         boolean     not null default false,
    shared_with_all              boolean     not null default false,
    shared_organization_ids      text[]      not null default '{}',
    organization_id              text,
    created_at                   timestamptz not null,
    updated_at                   timestamptz not null,
    check ((client_type = 'confidential') = (secret_hash is not null))
);

-- Every JWT this server signed (access, ID and service tokens): revocation, introspection, and how long a retired
-- key stays in the JWKS (until the last token it signed expires).
create table issued_token (
    jti        text primary key,
    kid        text        not null,
    token_type text        not null,
    client_id  text        not null,
    subject    text        not null,
    family_id  uuid,
    session_id text,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index issued_token_kid_expiry on issued_token (kid, expires_at);
create index issued_token_family on issued_token (family_id) where family_id is not null;
create index issued_token_client on issued_token (client_id);

-- Authorization codes, stored by SHA-256 hash; claims = the user claims read from org-service at login.
create table authorization_code (
    code_hash             text primary key,
    client_id             text        not null,
    redirect_uri          text        not null,
    redirect_uri_given    boolean     not null,
    subject               text        not null,
    scopes                text[]      not null,
    nonce                 text,
    code_challenge        text,
    code_challenge_method text,
    claims                text        not null,
    auth_time             timestamptz not null,
    family_id             uuid        not null,
    created_at            timestamptz not null,
    expires_at            timestamptz not null,
    consumed_at           timestamptz
);
create index authorization_code_client on authorization_code (client_id);

-- Refresh tokens, stored by SHA-256 hash; one family per login, rotated on every use.
create table refresh_token (
    token_hash text primary key,
    family_id  uuid        not null,
    client_id  text        not null,
    subject    text        not null,
    scopes     text[]      not null,
    auth_time  timestamptz not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    revoked_at timestamptz
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_client on refresh_token (client_id);
