UPDATE selftest_counter SET hits = hits + 1 WHERE id = 1;
