CREATE TYPE "public"."procedure_level" AS ENUM('province', 'district', 'commune');--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"field_id" integer,
	"level" "procedure_level" NOT NULL,
	"steps" text DEFAULT '' NOT NULL,
	"dossier" text DEFAULT '' NOT NULL,
	"processing_time" text DEFAULT '' NOT NULL,
	"fees" text DEFAULT '' NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"search_text" text NOT NULL,
	"status" "document_status" DEFAULT 'draft' NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"author_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_slug_unique" UNIQUE("slug"),
	CONSTRAINT "procedures_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_field_id_document_catalog_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."document_catalog"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "procedures_public_list_idx" ON "procedures" USING btree ("status","name","id");--> statement-breakpoint
CREATE INDEX "procedures_field_idx" ON "procedures" USING btree ("field_id","level");