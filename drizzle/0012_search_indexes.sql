-- Site search (/tim-kiem): full-text indexes over folded whole words (lib/search-text.ts), one
-- lexeme per Vietnamese syllable ('simple': no stemming, no stop words). A word index, not a
-- trigram one: trigrams of short syllables ("ong", "hoi") are in most rows, so a trigram index
-- returns thousands of false candidates for "dong khoi" (measured: 17,500 of 50,000 rechecked).
CREATE INDEX IF NOT EXISTS "articles_search_idx" ON "articles" USING gin ("search_vector");
--> statement-breakpoint
-- The expressions are vectorOfFoldedSql('search_text'): queries use exactly this text.
CREATE INDEX IF NOT EXISTS "documents_search_idx" ON "documents" USING gin (to_tsvector('simple'::regconfig, regexp_replace(search_text, '[^a-z0-9]+', ' ', 'g')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "procedures_search_idx" ON "procedures" USING gin (to_tsvector('simple'::regconfig, regexp_replace(search_text, '[^a-z0-9]+', ' ', 'g')));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "questions_search_idx" ON "questions" USING gin (to_tsvector('simple'::regconfig, regexp_replace(search_text, '[^a-z0-9]+', ' ', 'g')));
