-- The site search's index (search_entries and search_texts, db/schema.ts), kept by the database
-- itself: a trigger on each searchable table writes the rows of a public item and deletes them when
-- the item stops being public. The words are folded by search_words(), the same folding as
-- lib/search-text.ts (searchWordsText; tests/integration/search.test.ts compares them), and the
-- title's words are weighted A so the ranking can tell a match in the title.

CREATE OR REPLACE FUNCTION search_words(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (' ' || btrim(regexp_replace(translate(regexp_replace(lower(input), '[\u0300-\u036f]', '', 'g'), 'đĐàÀáÁãÃảẢạẠăĂằẰắẮẵẴẳẲặẶâÂầẦấẤẫẪẩẨậẬèÈéÉẽẼẻẺẹẸêÊềỀếẾễỄểỂệỆìÌíÍĩĨỉỈịỊòÒóÓõÕỏỎọỌôÔồỒốỐỗỖổỔộỘơƠờỜớỚỡỠởỞợỢùÙúÚũŨủỦụỤưƯừỪứỨữỮửỬựỰỳỲýÝỹỸỷỶỵỴ', 'ddaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeeeeeeeiiiiiiiiiioooooooooooooooooooooooooooooooooouuuuuuuuuuuuuuuuuuuuuuyyyyyyyyyy'), '[^a-z0-9]+', ' ', 'g')) || ' ');
--> statement-breakpoint
-- One item in the index: its narrow row (words without positions: what every search visits) and
-- its wide one (positions and weights, the exact text: read for the rows being ranked and phrases).
CREATE OR REPLACE FUNCTION search_entry_put(item_kind text, item_id integer, shown timestamptz, visible timestamptz, item_words tsvector, exact text)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO search_entries (kind, ref_id, shown_at, visible_from, words)
  VALUES (item_kind, item_id, shown, visible, strip(item_words))
  ON CONFLICT (ref_id, kind) DO UPDATE SET shown_at = EXCLUDED.shown_at, visible_from = EXCLUDED.visible_from, words = EXCLUDED.words;
  INSERT INTO search_texts (kind, ref_id, words, exact_text)
  VALUES (item_kind, item_id, item_words, exact)
  ON CONFLICT (ref_id, kind) DO UPDATE SET words = EXCLUDED.words, exact_text = EXCLUDED.exact_text;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_entry_drop(item_kind text, item_id integer) RETURNS void LANGUAGE sql AS $$
  DELETE FROM search_entries WHERE kind = item_kind AND ref_id = item_id;
  DELETE FROM search_texts WHERE kind = item_kind AND ref_id = item_id;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_entries_of_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM search_entry_drop('tin-tuc', OLD.id);
  ELSIF NEW.status = 'published' THEN
    -- Found from its publication time: an article scheduled for later is found once that time comes.
    PERFORM search_entry_put('tin-tuc', NEW.id, NEW.published_at, coalesce(NEW.published_at, 'infinity'),
      setweight(to_tsvector('simple'::regconfig, search_words(NEW.title)), 'A') || to_tsvector('simple'::regconfig, search_words(NEW.summary || ' ' || regexp_replace(NEW.body_html, '<[^>]*>|&[A-Za-z0-9#]+;', ' ', 'g'))),
      lower(NEW.title || ' ' || NEW.summary));
  ELSE
    PERFORM search_entry_drop('tin-tuc', NEW.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER articles_search_entry AFTER INSERT OR DELETE OR UPDATE OF title, summary, body_html, status, published_at
ON articles FOR EACH ROW EXECUTE FUNCTION search_entries_of_articles();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_entries_of_documents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM search_entry_drop('van-ban', OLD.id);
  ELSIF NEW.status = 'published' THEN
    -- search_text is the number and trích yếu already folded (lib/documents): all of it is the title.
    PERFORM search_entry_put('van-ban', NEW.id, (NEW.issued_on::text || ' 00:00:00+07')::timestamptz, NULL,
      setweight(to_tsvector('simple'::regconfig, regexp_replace(NEW.search_text, '[^a-z0-9]+', ' ', 'g')), 'A'),
      lower(NEW.number || ' ' || NEW.summary));
  ELSE
    PERFORM search_entry_drop('van-ban', NEW.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER documents_search_entry AFTER INSERT OR DELETE OR UPDATE OF search_text, number, summary, status, issued_on
ON documents FOR EACH ROW EXECUTE FUNCTION search_entries_of_documents();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_entries_of_procedures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM search_entry_drop('thu-tuc', OLD.id);
  ELSIF NEW.status = 'published' THEN
    -- search_text is the Mã thủ tục and name already folded: all of it is the title.
    PERFORM search_entry_put('thu-tuc', NEW.id, NEW.published_at, NULL,
      setweight(to_tsvector('simple'::regconfig, regexp_replace(NEW.search_text, '[^a-z0-9]+', ' ', 'g')), 'A'),
      lower(NEW.code || ' ' || NEW.name));
  ELSE
    PERFORM search_entry_drop('thu-tuc', NEW.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER procedures_search_entry AFTER INSERT OR DELETE OR UPDATE OF search_text, code, name, status, published_at
ON procedures FOR EACH ROW EXECUTE FUNCTION search_entries_of_procedures();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_entries_of_questions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM search_entry_drop('hoi-dap', OLD.id);
  ELSIF NEW.published_at IS NOT NULL AND NEW.slug IS NOT NULL THEN
    -- search_text is the title, question and answer already folded.
    PERFORM search_entry_put('hoi-dap', NEW.id, NEW.published_at, NULL,
      setweight(to_tsvector('simple'::regconfig, search_words(NEW.title)), 'A') || to_tsvector('simple'::regconfig, regexp_replace(NEW.search_text, '[^a-z0-9]+', ' ', 'g')),
      lower(NEW.title));
  ELSE
    PERFORM search_entry_drop('hoi-dap', NEW.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER questions_search_entry AFTER INSERT OR DELETE OR UPDATE OF title, search_text, published_at, slug
ON questions FOR EACH ROW EXECUTE FUNCTION search_entries_of_questions();
--> statement-breakpoint
-- What is public already: the rows the triggers would write (an update touching each one does).
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
