-- The posture store: what every gate saw (inventory, image facts, verdict per stage), where images went and run,
-- and what each refresh changed. Plain types only, so that SQLite and PostgreSQL run the same statements.

CREATE TABLE posture_image (
    digest      TEXT   NOT NULL PRIMARY KEY,
    repository  TEXT   NOT NULL,
    reference   TEXT   NOT NULL,
    facts       TEXT   NOT NULL,
    inventory   TEXT   NOT NULL,
    stored_at   BIGINT NOT NULL
);

CREATE TABLE posture_verdict (
    digest      TEXT   NOT NULL,
    stage       TEXT   NOT NULL,
    policy      TEXT   NOT NULL,
    verdict     TEXT   NOT NULL,
    findings    TEXT   NOT NULL,
    judged_at   BIGINT NOT NULL,
    database_at BIGINT NOT NULL,
    PRIMARY KEY (digest, stage)
);

CREATE TABLE posture_promotion (
    digest      TEXT   NOT NULL,
    registry    TEXT   NOT NULL,
    repository  TEXT   NOT NULL,
    tag         TEXT   NOT NULL,
    stage       TEXT   NOT NULL,
    promoted_at BIGINT NOT NULL,
    PRIMARY KEY (digest, registry, repository, tag, stage)
);

CREATE TABLE posture_running (
    host        TEXT    NOT NULL,
    digest      TEXT    NOT NULL,
    containers  INTEGER NOT NULL,
    since       BIGINT  NOT NULL,
    reported_at BIGINT  NOT NULL,
    PRIMARY KEY (host, digest)
);

CREATE TABLE posture_change (
    refresh     TEXT   NOT NULL,
    digest      TEXT   NOT NULL,
    stage       TEXT   NOT NULL,
    kind        TEXT   NOT NULL,
    subject     TEXT   NOT NULL,
    detail      TEXT   NOT NULL,
    changed_at  BIGINT NOT NULL,
    PRIMARY KEY (refresh, digest, stage, kind, subject)
);

CREATE TABLE posture_trend (
    repository  TEXT    NOT NULL,
    measured_at BIGINT  NOT NULL,
    critical    INTEGER NOT NULL,
    high        INTEGER NOT NULL,
    medium      INTEGER NOT NULL,
    low         INTEGER NOT NULL,
    other       INTEGER NOT NULL,
    PRIMARY KEY (repository, measured_at)
);
