-- Chatwoot's CSAT survey answers: one per survey message (content_type input_csat), written in the same transaction
-- as the message's submitted_values (domain/conversations/public.ts submitValues), changed when the contact answers again.
CREATE TABLE csat_survey_responses (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  conversation_id bigint NOT NULL REFERENCES conversations ON DELETE CASCADE,
  message_id bigint NOT NULL UNIQUE REFERENCES messages ON DELETE CASCADE,
  contact_id bigint NOT NULL REFERENCES contacts ON DELETE CASCADE,
  assigned_agent_id bigint REFERENCES users ON DELETE SET NULL,
  rating integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
  feedback_message text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX csat_survey_responses_account_idx ON csat_survey_responses (account_id, created_at);
