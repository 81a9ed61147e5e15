DROP INDEX "search_entries_words_idx";--> statement-breakpoint
CREATE INDEX "search_entries_words_tin_tuc_idx" ON "search_entries" USING gin ("words") WHERE kind = 'tin-tuc';--> statement-breakpoint
CREATE INDEX "search_entries_words_van_ban_idx" ON "search_entries" USING gin ("words") WHERE kind = 'van-ban';--> statement-breakpoint
CREATE INDEX "search_entries_words_thu_tuc_idx" ON "search_entries" USING gin ("words") WHERE kind = 'thu-tuc';--> statement-breakpoint
CREATE INDEX "search_entries_words_hoi_dap_idx" ON "search_entries" USING gin ("words") WHERE kind = 'hoi-dap';