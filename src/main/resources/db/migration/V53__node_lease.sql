-- Leases: a job that must run on one node at a time (scheduled publishing, webhook deliveries,
-- the hourly prune, the demo fill) runs only on the node holding its row. A holder renews its
-- row while it works; a row past expires_at may be taken by any node, so a dead holder is
-- replaced. Times are epoch milliseconds of the holder's clock.
CREATE TABLE node_lease (
    name VARCHAR(100) PRIMARY KEY,
    holder VARCHAR(200) NOT NULL,
    expires_at BIGINT NOT NULL
);
