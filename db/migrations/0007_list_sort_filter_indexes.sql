CREATE INDEX "measures_dimensionality_idx" ON "measures" USING btree ("dimensionality","pathway_id");--> statement-breakpoint
CREATE INDEX "barriers_relaxed_barrier_idx" ON "barriers" USING btree ("relaxed_barrier","pathway_id");--> statement-breakpoint
CREATE INDEX "barriers_energy_barrier_idx" ON "barriers" USING btree ("energy_barrier","pathway_id");