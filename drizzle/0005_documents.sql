CREATE TYPE "public"."document_catalog_kind" AS ENUM('type', 'issuer', 'field', 'signer');--> statement-breakpoint
CREATE TYPE "public"."document_relation_kind" AS ENUM('replaces', 'amends', 'related');--> statement-breakpoint
CREATE TYPE "public"."document_status" AS ENUM('draft', 'published', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."procedure_level" AS ENUM('province', 'district', 'commune');--> statement-breakpoint
CREATE TABLE "document_catalog" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "document_catalog_kind" NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_file_blobs" (
	"file_id" integer PRIMARY KEY NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_relations" (
	"from_id" integer NOT NULL,
	"to_id" integer NOT NULL,
	"kind" "document_relation_kind" NOT NULL,
	CONSTRAINT "document_relations_from_id_to_id_kind_pk" PRIMARY KEY("from_id","to_id","kind")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"number" text NOT NULL,
	"number_key" text NOT NULL,
	"type_id" integer NOT NULL,
	"issuer_id" integer NOT NULL,
	"field_id" integer,
	"signer_name" text DEFAULT '' NOT NULL,
	"signer_title" text DEFAULT '' NOT NULL,
	"issued_on" date NOT NULL,
	"effective_on" date,
	"expires_on" date,
	"summary" text NOT NULL,
	"search_text" text NOT NULL,
	"status" "document_status" DEFAULT 'draft' NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"author_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
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
ALTER TABLE "document_file_blobs" ADD CONSTRAINT "document_file_blobs_file_id_document_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."document_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_files" ADD CONSTRAINT "document_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_relations" ADD CONSTRAINT "document_relations_from_id_documents_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_relations" ADD CONSTRAINT "document_relations_to_id_documents_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_type_id_document_catalog_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."document_catalog"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_issuer_id_document_catalog_id_fk" FOREIGN KEY ("issuer_id") REFERENCES "public"."document_catalog"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_field_id_document_catalog_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."document_catalog"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_field_id_document_catalog_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."document_catalog"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_catalog_kind_name_idx" ON "document_catalog" USING btree ("kind","name");--> statement-breakpoint
CREATE INDEX "document_files_document_idx" ON "document_files" USING btree ("document_id","position");--> statement-breakpoint
CREATE INDEX "document_relations_to_idx" ON "document_relations" USING btree ("to_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_issuer_number_idx" ON "documents" USING btree ("issuer_id","number_key");--> statement-breakpoint
CREATE INDEX "documents_public_list_idx" ON "documents" USING btree ("status","issued_on" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "documents_type_idx" ON "documents" USING btree ("type_id","issued_on" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "documents_field_idx" ON "documents" USING btree ("field_id","issued_on" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "procedures_public_list_idx" ON "procedures" USING btree ("status","name","id");--> statement-breakpoint
CREATE INDEX "procedures_field_idx" ON "procedures" USING btree ("field_id","level");