// A last-in, first-out list of cleanup steps, so a test can register each resource as it
// creates it and have them released in reverse order, even when the test fails halfway.

export class CleanupStack {
  private readonly steps: Array<{ name: string; run: () => unknown }> = [];

  push(name: string, run: () => unknown): void {
    this.steps.push({ name, run });
  }

  /** Runs every step, newest first; a failing step does not keep the others from running. */
  async run(): Promise<void> {
    const errors: string[] = [];
    while (this.steps.length) {
      const step = this.steps.pop()!;
      try {
        await step.run();
      } catch (err) {
        errors.push(`${step.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (errors.length) throw new Error(`cleanup failed:\n${errors.join('\n')}`);
  }
}
