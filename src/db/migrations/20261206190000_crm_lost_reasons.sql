-- A sales panel's loss reasons (WTS `GET /crm/v1/panel/{id}/lost-reason`): the list a LOST card picks from.
CREATE TABLE crm_lost_reasons (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  panel_id bigint NOT NULL REFERENCES crm_panels ON DELETE CASCADE,
  description text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX crm_lost_reasons_panel_idx ON crm_lost_reasons (account_id, panel_id, created_at);

-- A card marked LOST names its reason; deleting a reason leaves the card lost without one.
ALTER TABLE crm_cards ADD COLUMN lost_reason_id bigint REFERENCES crm_lost_reasons ON DELETE SET NULL;
