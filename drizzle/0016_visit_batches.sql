CREATE TABLE "visit_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"written_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "visit_batches_written_at_idx" ON "visit_batches" USING btree ("written_at");