CREATE TABLE selftest_counter (id INT PRIMARY KEY, hits INT NOT NULL);
INSERT INTO selftest_counter (id, hits) VALUES (1, 0);
