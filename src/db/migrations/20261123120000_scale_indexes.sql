-- Indexes found by bench/list-at-scale.ts on a 100,000-conversation / 1,000,000-message account
-- (EXPLAIN ANALYZE figures from that dataset).

-- Message text search (conversations/search, list ?q=) filters with `content ILIKE '%q%'`, which no btree
-- can serve: without this it read every message of the account (~1 s at 1M messages). A trigram index answers
-- ILIKE for patterns of 3+ characters (Chatwoot indexes messages.content the same way). pg_trgm is a trusted
-- extension: the database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX messages_content_trgm_idx ON messages USING gin (content gin_trgm_ops);

-- The list filters status with `status = ANY($statuses)`; a scalar-array condition on conversations_list_idx's
-- second column stops PostgreSQL (15 and 18 alike) from reading that index in order, so every page sorted all
-- of the account's conversations in that status (a full table scan: 35-55 ms). In activity order, with status
-- checked per row, page 1 of any status reads ~25/share rows (0.2 ms for open).
CREATE INDEX conversations_activity_idx ON conversations (account_id, last_activity_at DESC, id DESC);

-- Every list request also counts mine/unassigned/all over the whole filter; with assignee_id in the index those
-- counts are index-only scans (open: 36 ms -> 2 ms).
CREATE INDEX conversations_counts_idx ON conversations (account_id, status, assignee_id);
