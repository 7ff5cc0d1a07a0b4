-- Chatwoot's Help Center: portals hold categories (per locale) and articles (markdown), served publicly at
-- /hc/:slug. A portal's slug names it in that public URL, so it is unique across the installation (as in
-- Chatwoot), not only in its account.
CREATE TABLE portals (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  name text NOT NULL,
  slug text NOT NULL,
  custom_domain text,
  color text,
  homepage_link text,
  page_title text,
  header_text text,
  archived boolean NOT NULL DEFAULT false,
  config jsonb NOT NULL DEFAULT '{"allowed_locales": ["en"], "default_locale": "en"}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT portals_slug_key UNIQUE (slug),
  CONSTRAINT portals_custom_domain_key UNIQUE (custom_domain)
);
CREATE INDEX portals_account ON portals (account_id, id);

CREATE TABLE portal_categories (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  portal_id bigint NOT NULL REFERENCES portals ON DELETE CASCADE,
  name text NOT NULL,
  slug text NOT NULL,
  locale text NOT NULL DEFAULT 'en',
  description text,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT portal_categories_portal_locale_slug_key UNIQUE (portal_id, locale, slug)
);

CREATE TABLE portal_articles (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  portal_id bigint NOT NULL REFERENCES portals ON DELETE CASCADE,
  category_id bigint REFERENCES portal_categories ON DELETE SET NULL,
  author_id bigint REFERENCES users ON DELETE SET NULL,
  title text NOT NULL,
  slug text NOT NULL,
  content text NOT NULL DEFAULT '',
  description text,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  locale text NOT NULL DEFAULT 'en',
  meta jsonb NOT NULL DEFAULT '{}',
  position integer NOT NULL DEFAULT 0,
  views integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT portal_articles_portal_slug_key UNIQUE (portal_id, slug)
);
CREATE INDEX portal_articles_portal ON portal_articles (portal_id, position, id);
CREATE INDEX portal_articles_category ON portal_articles (category_id);
