// Progress of a running import in figures a caseworker can read: files done of
// all, the file being worked on and how far it is (rows written, pages read
// with OCR), the share of the whole with files weighed by their size, and an
// estimate of the time left from the pace so far. Pure arithmetic over a
// clock passed in, so it is unit-tested without waiting.
import { FINISHED_WARNINGS, type FileReport, type ImportProgress } from '../../../src-shared/imports';

/** No estimate from the first second: the start (opening files, loading the register) is no pace to go by. */
export const MIN_ESTIMATE_MS = 1000;
/** Nor before 1 % is done: a guess from a sliver swings wildly. */
export const MIN_ESTIMATE_FRACTION = 0.01;
/** Events within a file at most this often; a file's start and end are always sent. */
export const EMIT_EVERY_MS = 100;

/** Seconds left if the rest goes at the pace so far (rounded up); 0 when done; null when there is no pace yet. */
export function estimateSeconds(elapsedMs: number, fraction: number): number | null {
  if (fraction >= 1) return 0;
  if (elapsedMs < MIN_ESTIMATE_MS || fraction < MIN_ESTIMATE_FRACTION) return null;
  return Math.ceil((elapsedMs * (1 - fraction)) / fraction / 1000);
}

/** Share of the whole done: finished weight plus the current file's weight times its own share. */
export function overallFraction(doneWeight: number, currentWeight: number, currentShare: number, totalWeight: number): number {
  if (totalWeight <= 0) return 0;
  const share = Math.min(1, Math.max(0, currentShare));
  return Math.min(1, (doneWeight + currentWeight * share) / totalWeight);
}

export class ImportProgressTracker {
  private readonly started: number;
  private readonly weights: number[];
  private readonly totalWeight: number;
  private doneWeight = 0;
  private filesDone = 0;
  private current: { index: number; path: string } | null = null;
  private step: ImportProgress['step'] = null;
  private lastEmit = Number.NEGATIVE_INFINITY;

  /**
   * @param sizes each file's size in bytes (0 for one not read): its weight;
   *   every file weighs at least 1 so a batch of empty or skipped ones still moves.
   */
  constructor(
    sizes: number[],
    private readonly clock: () => number,
    private readonly emit: (progress: ImportProgress) => void,
  ) {
    this.started = clock();
    this.weights = sizes.map((s) => Math.max(1, s));
    this.totalWeight = this.weights.reduce((a, b) => a + b, 0);
  }

  startFile(index: number, path: string): void {
    this.current = { index, path };
    this.step = null;
    this.send(true);
  }

  /** Rows written or pages read in the current file; sent at most every EMIT_EVERY_MS. */
  stepTo(unit: 'rows' | 'pages', done: number, total: number): void {
    this.step = { unit, done, total };
    this.send(false);
  }

  finishFile(report: FileReport): void {
    const index = this.current?.index ?? this.filesDone;
    this.doneWeight += this.weights[index] ?? 1;
    this.filesDone++;
    this.current = null;
    this.step = null;
    this.send(true, {
      path: report.path,
      status: report.status,
      responses: report.responses,
      warnings: report.warnings.length,
      firstWarnings: report.warnings.slice(0, FINISHED_WARNINGS),
      ...(report.error ? { message: report.error.message, ...(report.error.locator ? { locator: report.error.locator } : {}) } : {}),
      ...(report.reason ? { message: report.reason.message } : {}),
    });
  }

  snapshot(): ImportProgress {
    const share = this.step && this.step.total > 0 ? this.step.done / this.step.total : 0;
    const currentWeight = this.current ? (this.weights[this.current.index] ?? 1) : 0;
    const fraction = overallFraction(this.doneWeight, currentWeight, share, this.totalWeight);
    return {
      files: { done: this.filesDone, total: this.weights.length },
      current: this.current?.path ?? null,
      step: this.step,
      fraction,
      etaSeconds: estimateSeconds(this.clock() - this.started, fraction),
    };
  }

  private send(always: boolean, finished?: ImportProgress['finished']): void {
    const now = this.clock();
    if (!always && now - this.lastEmit < EMIT_EVERY_MS) return;
    this.lastEmit = now;
    this.emit(finished ? { ...this.snapshot(), finished } : this.snapshot());
  }
}
