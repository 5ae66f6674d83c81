-- Workaround, to move to the platform's migrations: the outbox relay's Debezium JDBC offset store
-- looks for its table in any schema (DatabaseMetaData.getTables without a schema), so once another
-- service of the same database has created one, it never creates rating's and the relay cannot
-- start. The table is Debezium's own layout.
CREATE TABLE IF NOT EXISTS outbox_relay_offsets (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    offset_key        VARCHAR(1255),
    offset_val        VARCHAR(1255),
    record_insert_ts  TIMESTAMP     NOT NULL,
    record_insert_seq INTEGER       NOT NULL
);
