/** What the page changed since the last slice, reduced to the nodes worth looking at again. */
export interface MutationBatch {
  /** Too much changed to follow piece by piece: rescan everything once. */
  readonly rescan: boolean;
  readonly removed: ReadonlySet<Node>;
  readonly added: ReadonlySet<Node>;
  readonly changedText: ReadonlySet<Text>;
}

/**
 * Collects MutationRecords between slices. Above `threshold` changed nodes it stops keeping nodes and
 * asks for one coalesced rescan instead (a mutation storm must not cost more than a rescan).
 */
export class MutationQueue {
  private removed = new Set<Node>();
  private added = new Set<Node>();
  private changedText = new Set<Text>();
  private records = 0;
  private overflow = false;

  constructor(
    private readonly threshold: number,
    private readonly isOwnUi: (node: Node) => boolean,
  ) {}

  /** Whether anything is waiting. */
  get pending(): boolean {
    return this.overflow || this.records > 0;
  }

  /** Whether so much changed that only a rescan will do. */
  get overflowed(): boolean {
    return this.overflow;
  }

  /** Takes in records from a MutationObserver callback. */
  push(records: readonly MutationRecord[]): void {
    if (this.overflow) return;
    for (const record of records) {
      if (this.isOwnUi(record.target)) continue;
      // Node counts, not records: one record can add or remove thousands of nodes.
      this.records += 1 + record.addedNodes.length + record.removedNodes.length;
      if (this.records > this.threshold) {
        this.overflow = true;
        this.removed.clear();
        this.added.clear();
        this.changedText.clear();
        return;
      }
      if (record.type === 'characterData') {
        if (record.target.nodeType === Node.TEXT_NODE) this.changedText.add(record.target as Text);
      } else if (record.type === 'attributes') {
        // An element became (non-)editable or opted in/out: forget it, then look again.
        this.removed.add(record.target);
        this.added.add(record.target);
      } else {
        for (const node of record.removedNodes) if (!this.isOwnUi(node)) this.removed.add(node);
        for (const node of record.addedNodes) if (!this.isOwnUi(node)) this.added.add(node);
      }
    }
  }

  /** Hands over what was collected and starts afresh. */
  take(): MutationBatch {
    const batch: MutationBatch = {
      rescan: this.overflow,
      removed: this.removed,
      added: this.added,
      changedText: this.changedText,
    };
    this.removed = new Set();
    this.added = new Set();
    this.changedText = new Set();
    this.records = 0;
    this.overflow = false;
    return batch;
  }
}
