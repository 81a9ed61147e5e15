CREATE TABLE "public_form_submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"form" text NOT NULL,
	"client_key" text NOT NULL,
	"fingerprint" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "public_form_submissions_client_idx" ON "public_form_submissions" USING btree ("form","client_key","created_at");--> statement-breakpoint
CREATE INDEX "public_form_submissions_fingerprint_idx" ON "public_form_submissions" USING btree ("form","fingerprint","created_at");