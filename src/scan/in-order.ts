/**
 * Results that arrive in any order (several threads analyse files), handed out in index order:
 * whoever reads them sees a walk over the files one after the other. One hand-out runs at a time;
 * `flush` resolves once every result that can go has gone, and rejects with a hand-out's error.
 */
export class InOrder<T> {
  private readonly results: Array<T | undefined>;
  private next = 0;
  private handing: Promise<void> = Promise.resolve();

  constructor(
    size: number,
    private readonly handOut: (index: number, result: T) => Promise<void> | void,
    private readonly stopped: () => boolean = () => false,
  ) {
    this.results = new Array<T | undefined>(size);
  }

  set(index: number, result: T): void {
    if (index >= this.next) this.results[index] = result;
  }

  /** The result of `index` is known (it may have been handed out already). */
  has(index: number): boolean {
    return index < this.next || this.results[index] !== undefined;
  }

  flush(): Promise<void> {
    this.handing = this.handing.then(async () => {
      while (this.next < this.results.length && !this.stopped()) {
        const result = this.results[this.next];
        if (result === undefined) return;
        // Dropped once handed out: the run holds no file's result longer than needed.
        this.results[this.next] = undefined;
        const index = this.next++;
        await this.handOut(index, result);
      }
    });
    return this.handing;
  }
}
