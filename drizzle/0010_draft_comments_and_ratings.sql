CREATE TYPE "public"."comment_status" AS ENUM('pending', 'published', 'hidden');--> statement-breakpoint
CREATE TYPE "public"."document_file_purpose" AS ENUM('attachment', 'comment_report');--> statement-breakpoint
CREATE TABLE "document_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"content" text NOT NULL,
	"status" "comment_status" DEFAULT 'pending' NOT NULL,
	"moderated_by" integer,
	"moderated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_consultations" (
	"document_id" integer PRIMARY KEY NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_consultations_window" CHECK ("document_consultations"."opens_at" < "document_consultations"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "portal_ratings" (
	"id" serial PRIMARY KEY NOT NULL,
	"visitor_id" text NOT NULL,
	"design" integer NOT NULL,
	"content" integer NOT NULL,
	"quality" integer NOT NULL,
	"support" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_ratings_scores" CHECK ("portal_ratings"."design" between 1 and 5 and "portal_ratings"."content" between 1 and 5 and "portal_ratings"."quality" between 1 and 5 and "portal_ratings"."support" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "document_files" ADD COLUMN "purpose" "document_file_purpose" DEFAULT 'attachment' NOT NULL;--> statement-breakpoint
ALTER TABLE "document_comments" ADD CONSTRAINT "document_comments_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_comments" ADD CONSTRAINT "document_comments_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_consultations" ADD CONSTRAINT "document_consultations_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_consultations" ADD CONSTRAINT "document_consultations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_comments_document_idx" ON "document_comments" USING btree ("document_id","status","created_at");--> statement-breakpoint
CREATE INDEX "document_consultations_closes_idx" ON "document_consultations" USING btree ("closes_at","opens_at");--> statement-breakpoint
CREATE INDEX "portal_ratings_visitor_idx" ON "portal_ratings" USING btree ("visitor_id","created_at");--> statement-breakpoint
CREATE INDEX "portal_ratings_created_idx" ON "portal_ratings" USING btree ("created_at");