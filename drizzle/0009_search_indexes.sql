-- Site search (/tim-kiem): trigram indexes over folded whole words (lib/search-text.ts).
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it. PGlite loads
-- it through the `extensions` option (db/index.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "articles_search_idx" ON "articles" USING gin ("search_text" gin_trgm_ops);
--> statement-breakpoint
-- The expressions are wordsOfFoldedSql('search_text'): queries use exactly this text.
CREATE INDEX IF NOT EXISTS "documents_search_idx" ON "documents" USING gin ((' ' || btrim(regexp_replace(search_text, '[^a-z0-9]+', ' ', 'g')) || ' ') gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "procedures_search_idx" ON "procedures" USING gin ((' ' || btrim(regexp_replace(search_text, '[^a-z0-9]+', ' ', 'g')) || ' ') gin_trgm_ops);
