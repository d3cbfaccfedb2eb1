/** Occurrence totals per frame of each tab, summed for the toolbar badge. */
export class BadgeCounts {
  private readonly tabs = new Map<number, Map<number, number>>();

  /** Records one frame's total and returns the tab's new total. */
  set(tabId: number, frameId: number, total: number): number {
    let frames = this.tabs.get(tabId);
    if (frames === undefined) {
      frames = new Map();
      this.tabs.set(tabId, frames);
    }
    if (total > 0) frames.set(frameId, total);
    else frames.delete(frameId);
    return this.total(tabId);
  }

  /** The tab's total over all its frames. */
  total(tabId: number): number {
    let sum = 0;
    for (const n of this.tabs.get(tabId)?.values() ?? []) sum += n;
    return sum;
  }

  /** Forgets a tab (closed, or navigated to a new page). */
  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }
}

/** The badge text for a total: empty for none, capped so it fits the badge. */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 999 ? '999+' : String(total);
}
