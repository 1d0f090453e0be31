-- The audit store: one append-only, hash-chained table of events, the head of the chain, the anchors left by
-- retention, the ingest API's publish queue, and the Kafka records that could not be stored as events.

CREATE TABLE audit_event (
    id              text        PRIMARY KEY,          -- the CloudEvents id: stored once, whatever is redelivered
    seq             bigint      NOT NULL UNIQUE,      -- position in the chain: 1, 2, 3 ... without gaps
    type            text        NOT NULL,
    source          text        NOT NULL,
    time            timestamptz NOT NULL,             -- when the described change happened (CloudEvents time)
    actor_id        text,                             -- act.sub / actorId
    subject_id      text,                             -- subjectId / principal
    organization_id text,
    client_id       text,
    session_id      text,                             -- imp.sid
    outcome         text        NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    origin          text        NOT NULL,             -- kafka:<topic>/<partition>/<offset> or api:<client id>
    received_at     timestamptz NOT NULL,
    event           jsonb       NOT NULL,             -- the whole CloudEvent
    prev_hash       text        NOT NULL,             -- hash of the event at seq - 1 (or of the retention anchor)
    hash            text        NOT NULL              -- SHA-256 over the canonical form of every other column
);

-- newest first, and each filter newest first; (time, seq) is the cursor
CREATE INDEX audit_event_time ON audit_event (time DESC, seq DESC);
CREATE INDEX audit_event_actor ON audit_event (actor_id, time DESC, seq DESC) WHERE actor_id IS NOT NULL;
CREATE INDEX audit_event_subject ON audit_event (subject_id, time DESC, seq DESC) WHERE subject_id IS NOT NULL;
CREATE INDEX audit_event_organization ON audit_event (organization_id, time DESC, seq DESC) WHERE organization_id IS NOT NULL;
CREATE INDEX audit_event_client ON audit_event (client_id, time DESC, seq DESC) WHERE client_id IS NOT NULL;
CREATE INDEX audit_event_session ON audit_event (session_id, time DESC, seq DESC) WHERE session_id IS NOT NULL;
CREATE INDEX audit_event_type ON audit_event (type, time DESC, seq DESC);
CREATE INDEX audit_event_received ON audit_event (received_at);

-- The one chain's head; writers lock this row (SELECT ... FOR UPDATE), which serializes appends.
CREATE TABLE audit_chain_head (
    id   int    PRIMARY KEY CHECK (id = 1),
    seq  bigint NOT NULL,
    hash text   NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

-- Left by each retention run: verification starts after the newest anchor, from its hash.
CREATE TABLE audit_chain_anchor (
    through_seq  bigint      PRIMARY KEY,
    hash         text        NOT NULL,
    pruned_count bigint      NOT NULL,
    cutoff       timestamptz NOT NULL,
    pruned_at    timestamptz NOT NULL
);

-- Events accepted by the ingest API, until Kafka has acknowledged their copy on audit.events.
CREATE TABLE audit_publish_queue (
    event_id   text        PRIMARY KEY,
    kafka_key  text,
    payload    text        NOT NULL,
    queued_at  timestamptz NOT NULL,
    attempts   int         NOT NULL DEFAULT 0
);

-- Kafka records that are not storable CloudEvents (not JSON, no id or type, ...): kept, never dropped, never retried.
CREATE TABLE audit_rejected_record (
    topic        text        NOT NULL,
    partition    int         NOT NULL,
    kafka_offset bigint      NOT NULL,
    kafka_key    text,
    value        bytea,
    reason       text        NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (topic, partition, kafka_offset)
);

-- Append-only: rows are never updated, and deleted only by retention (which sets actas.audit_pruning for its
-- transaction and leaves an anchor). A database owner can still disable this; the hash chain is what tells.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND coalesce(current_setting('actas.audit_pruning', true), '') = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
