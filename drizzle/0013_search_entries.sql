CREATE TABLE "search_entries" (
	"kind" text NOT NULL,
	"ref_id" integer NOT NULL,
	"shown_at" timestamp with time zone,
	"visible_from" timestamp with time zone,
	"words" "tsvector" NOT NULL,
	CONSTRAINT "search_entries_ref_id_kind_pk" PRIMARY KEY("ref_id","kind")
);
--> statement-breakpoint
CREATE TABLE "search_texts" (
	"kind" text NOT NULL,
	"ref_id" integer NOT NULL,
	"words" "tsvector" NOT NULL,
	"exact_text" text NOT NULL,
	CONSTRAINT "search_texts_ref_id_kind_pk" PRIMARY KEY("ref_id","kind")
);
--> statement-breakpoint
CREATE INDEX "search_entries_words_idx" ON "search_entries" USING gin ("words");--> statement-breakpoint
ALTER TABLE "articles" DROP COLUMN "search_vector";