-- Repeated refusals (4xx) from one address with one status in one minute are one event with a count.
ALTER TABLE events ADD COLUMN repeat_count INTEGER DEFAULT 1 NOT NULL;
