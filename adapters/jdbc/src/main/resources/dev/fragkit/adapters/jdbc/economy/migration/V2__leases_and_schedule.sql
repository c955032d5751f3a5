-- owner-verified leases (run-on-one-node) and the maintenance scheduler's last runs
CREATE TABLE economy_lease (
  name       VARCHAR(128) PRIMARY KEY,
  owner      VARCHAR(128) NOT NULL,
  expires_us BIGINT       NOT NULL
);

CREATE TABLE economy_schedule (
  task        VARCHAR(128) PRIMARY KEY,
  last_run_us BIGINT       NOT NULL
);
