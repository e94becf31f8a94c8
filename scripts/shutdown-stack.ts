/**
 * Cleanups registered as things start, run once in reverse order: what started last (the web server)
 * stops first, and the database, which everything else needs until it has stopped, stops last.
 */
export class ShutdownStack {
  private readonly steps: { name: string; run: () => Promise<unknown> }[] = [];
  private running: Promise<void> | undefined;

  get stopping(): boolean {
    return this.running !== undefined;
  }

  push(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  /** Runs every step even when one fails (a failed step must not leave the database running). */
  unwind(log: (m: string) => void): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (e) {
          log(`[start] stopping ${step.name} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    })();
    return this.running;
  }
}
