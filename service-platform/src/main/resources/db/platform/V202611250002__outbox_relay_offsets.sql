-- The outbox relay's offsets table (Debezium's JdbcOffsetBackingStore layout), created by every
-- service's migrations rather than by Debezium: Debezium looks the table up without a schema, so
-- once another service's schema in the same database holds one, it skips creating this one and
-- then cannot find it.
CREATE TABLE IF NOT EXISTS outbox_relay_offsets (
    id                varchar(36)   PRIMARY KEY,
    offset_key        varchar(1255),
    offset_val        varchar(1255),
    record_insert_ts  timestamp     NOT NULL,
    record_insert_seq integer       NOT NULL
);
