-- The site search's index (search_entries, db/schema.ts), kept by the database itself: a trigger on
-- each searchable table writes the row of a public item and deletes it when the item stops being
-- public. The words are folded by search_words(), the same folding as lib/search-text.ts
-- (searchWordsText; tests/integration/search.test.ts compares them), and the title's words are
-- weighted A so the ranking can tell a match in the title without reading the item.

CREATE OR REPLACE FUNCTION search_words(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (' ' || btrim(regexp_replace(translate(regexp_replace(lower(input), '[\u0300-\u036f]', '', 'g'), 'đĐàÀáÁãÃảẢạẠăĂằẰắẮẵẴẳẲặẶâÂầẦấẤẫẪẩẨậẬèÈéÉẽẼẻẺẹẸêÊềỀếẾễỄểỂệỆìÌíÍĩĨỉỈịỊòÒóÓõÕỏỎọỌôÔồỒốỐỗỖổỔộỘơƠờỜớỚỡỠởỞợỢùÙúÚũŨủỦụỤưƯừỪứỨữỮửỬựỰỳỲýÝỹỸỷỶỵỴ', 'ddaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeeeeeeeiiiiiiiiiioooooooooooooooooooooooooooooooooouuuuuuuuuuuuuuuuuuuuuuyyyyyyyyyy'), '[^a-z0-9]+', ' ', 'g')) || ' ');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_entries_of_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.status <> 'published' THEN
    DELETE FROM search_entries WHERE kind = 'tin-tuc' AND ref_id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
    RETURN NULL;
  END IF;
  INSERT INTO search_entries (kind, ref_id, shown_at, visible_from, words, exact_text)
  VALUES (
    'tin-tuc', NEW.id, NEW.published_at, coalesce(NEW.published_at, 'infinity'),
    setweight(to_tsvector('simple'::regconfig, search_words(NEW.title)), 'A') || to_tsvector('simple'::regconfig, search_words(NEW.summary || ' ' || regexp_replace(NEW.body_html, '<[^>]*>|&[A-Za-z0-9#]+;', ' ', 'g'))),
    lower(NEW.title || ' ' || NEW.summary)
  )
  ON CONFLICT (kind, ref_id) DO UPDATE SET shown_at = EXCLUDED.shown_at, visible_from = EXCLUDED.visible_from, words = EXCLUDED.words, exact_text = EXCLUDED.exact_text;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER articles_search_entry AFTER INSERT OR DELETE OR UPDATE OF title, summary, body_html, status, published_at
ON articles FOR EACH ROW EXECUTE FUNCTION search_entries_of_articles();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_entries_of_documents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.status <> 'published' THEN
    DELETE FROM search_entries WHERE kind = 'van-ban' AND ref_id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
    RETURN NULL;
  END IF;
  -- search_text is the number and trích yếu already folded (lib/documents): all of it is the title.
  INSERT INTO search_entries (kind, ref_id, shown_at, visible_from, words, exact_text)
  VALUES (
    'van-ban', NEW.id, (NEW.issued_on::text || ' 00:00:00+07')::timestamptz, NULL,
    setweight(to_tsvector('simple'::regconfig, regexp_replace(NEW.search_text, '[^a-z0-9]+', ' ', 'g')), 'A'),
    lower(NEW.number || ' ' || NEW.summary)
  )
  ON CONFLICT (kind, ref_id) DO UPDATE SET shown_at = EXCLUDED.shown_at, visible_from = EXCLUDED.visible_from, words = EXCLUDED.words, exact_text = EXCLUDED.exact_text;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER documents_search_entry AFTER INSERT OR DELETE OR UPDATE OF search_text, number, summary, status, issued_on
ON documents FOR EACH ROW EXECUTE FUNCTION search_entries_of_documents();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_entries_of_procedures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.status <> 'published' THEN
    DELETE FROM search_entries WHERE kind = 'thu-tuc' AND ref_id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
    RETURN NULL;
  END IF;
  -- search_text is the Mã thủ tục and name already folded: all of it is the title.
  INSERT INTO search_entries (kind, ref_id, shown_at, visible_from, words, exact_text)
  VALUES (
    'thu-tuc', NEW.id, NEW.published_at, NULL,
    setweight(to_tsvector('simple'::regconfig, regexp_replace(NEW.search_text, '[^a-z0-9]+', ' ', 'g')), 'A'),
    lower(NEW.code || ' ' || NEW.name)
  )
  ON CONFLICT (kind, ref_id) DO UPDATE SET shown_at = EXCLUDED.shown_at, visible_from = EXCLUDED.visible_from, words = EXCLUDED.words, exact_text = EXCLUDED.exact_text;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER procedures_search_entry AFTER INSERT OR DELETE OR UPDATE OF search_text, code, name, status, published_at
ON procedures FOR EACH ROW EXECUTE FUNCTION search_entries_of_procedures();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_entries_of_questions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.published_at IS NULL OR NEW.slug IS NULL THEN
    DELETE FROM search_entries WHERE kind = 'hoi-dap' AND ref_id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
    RETURN NULL;
  END IF;
  -- search_text is the title, question and answer already folded.
  INSERT INTO search_entries (kind, ref_id, shown_at, visible_from, words, exact_text)
  VALUES (
    'hoi-dap', NEW.id, NEW.published_at, NULL,
    setweight(to_tsvector('simple'::regconfig, search_words(NEW.title)), 'A') || to_tsvector('simple'::regconfig, regexp_replace(NEW.search_text, '[^a-z0-9]+', ' ', 'g')),
    lower(NEW.title)
  )
  ON CONFLICT (kind, ref_id) DO UPDATE SET shown_at = EXCLUDED.shown_at, visible_from = EXCLUDED.visible_from, words = EXCLUDED.words, exact_text = EXCLUDED.exact_text;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER questions_search_entry AFTER INSERT OR DELETE OR UPDATE OF title, search_text, published_at, slug
ON questions FOR EACH ROW EXECUTE FUNCTION search_entries_of_questions();
--> statement-breakpoint
-- What is public already: the same rows the triggers would write (an update touching each would do).
UPDATE articles SET status = status WHERE status = 'published';
--> statement-breakpoint
UPDATE documents SET status = status WHERE status = 'published';
--> statement-breakpoint
UPDATE procedures SET status = status WHERE status = 'published';
--> statement-breakpoint
UPDATE questions SET slug = slug WHERE published_at IS NOT NULL AND slug IS NOT NULL;
--> statement-breakpoint
-- The per-table indexes the search used before (articles' went with its search_vector column).
DROP INDEX IF EXISTS "documents_search_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "procedures_search_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "questions_search_idx";
