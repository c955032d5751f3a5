-- reminders (economy-core ReminderStore). Times are epoch microseconds (UTC).
-- state moves once from PENDING to DELIVERED or CANCELLED, by a conditional UPDATE.
CREATE TABLE economy_reminder (
  id          VARCHAR(128)  PRIMARY KEY,
  guild       VARCHAR(64)   NOT NULL,
  user_id     VARCHAR(64)   NOT NULL,
  body        VARCHAR(2000) NOT NULL,
  due_us      BIGINT        NOT NULL,
  created_us  BIGINT        NOT NULL,
  state       VARCHAR(16)   NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'CANCELLED')),
  resolved_us BIGINT
);
CREATE INDEX economy_reminder_due ON economy_reminder (state, due_us, id);
