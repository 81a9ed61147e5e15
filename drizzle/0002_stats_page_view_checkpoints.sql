CREATE TABLE "page_view_checkpoint" (
	"through" date PRIMARY KEY NOT NULL,
	"page_views" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "page_view_cumulative" (
	"through" date NOT NULL,
	"path" text NOT NULL,
	"article_id" integer DEFAULT 0 NOT NULL,
	"views" bigint NOT NULL,
	CONSTRAINT "page_view_cumulative_through_path_article_id_pk" PRIMARY KEY("through","path","article_id")
);
--> statement-breakpoint
CREATE INDEX "page_view_cumulative_article_idx" ON "page_view_cumulative" USING btree ("article_id","through","views");--> statement-breakpoint
CREATE INDEX "visit_dimension_daily_dimension_day_idx" ON "visit_dimension_daily" USING btree ("dimension","day","value","visits");