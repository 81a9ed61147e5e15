CREATE TYPE "public"."question_status" AS ENUM('received', 'processing', 'answered', 'refused');--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'answerer';--> statement-breakpoint
CREATE TABLE "questions" (
	"id" serial PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"asker_name" text NOT NULL,
	"email" text,
	"phone" text,
	"field_id" integer,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"status" "question_status" DEFAULT 'received' NOT NULL,
	"unit_id" integer,
	"answer_html" text DEFAULT '' NOT NULL,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	"refusal_reason" text DEFAULT '' NOT NULL,
	"closed_at" timestamp with time zone,
	"personal_data_erased_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"slug" text,
	"show_full_name" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questions_code_hash_unique" UNIQUE("code_hash"),
	CONSTRAINT "questions_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "unit_id" integer;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_field_id_document_catalog_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."document_catalog"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "questions_queue_idx" ON "questions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "questions_unit_idx" ON "questions" USING btree ("unit_id","status","created_at");--> statement-breakpoint
CREATE INDEX "questions_public_idx" ON "questions" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "questions_closed_idx" ON "questions" USING btree ("closed_at");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE set null ON UPDATE no action;