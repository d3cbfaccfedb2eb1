import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface SectionTab<Id extends string> {
  readonly id: Id;
  readonly label: string;
}

export interface SectionTabsProps<Id extends string> {
  readonly tabs: readonly SectionTab<Id>[];
  readonly selected: Id;
  readonly onSelect: (id: Id) => void;
  /** Accessible name of the tab list. */
  readonly label: string;
  /** The selected tab's panel. */
  readonly children: ComponentChildren;
}

/**
 * Tabs as the ARIA pattern has them: one tab stop, arrow keys and Home/End move and select, the
 * panel is focusable so its content can be scrolled from the keyboard.
 */
export function SectionTabs<Id extends string>({
  tabs,
  selected,
  onSelect,
  label,
  children,
}: SectionTabsProps<Id>) {
  const list = useRef<HTMLDivElement>(null);
  const move = (to: number): void => {
    const tab = tabs[(to + tabs.length) % tabs.length];
    if (tab === undefined) return;
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus();
  };
  const index = tabs.findIndex((t) => t.id === selected);
  return (
    <>
      <div
        class="tabs"
        role="tablist"
        aria-label={label}
        ref={list}
        onKeyDown={(event) => {
          const to =
            event.key === 'ArrowRight'
              ? index + 1
              : event.key === 'ArrowLeft'
                ? index - 1
                : event.key === 'Home'
                  ? 0
                  : event.key === 'End'
                    ? tabs.length - 1
                    : null;
          if (to === null) return;
          event.preventDefault();
          move(to);
        }}
      >
        {tabs.map((tab) => (
          <button
            type="button"
            role="tab"
            key={tab.id}
            id={`tab-${tab.id}`}
            class="tab"
            aria-selected={tab.id === selected}
            // Only the selected panel exists: a reference to an absent one would dangle.
            aria-controls={tab.id === selected ? `panel-${tab.id}` : undefined}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => {
              onSelect(tab.id);
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        class="panel"
        role="tabpanel"
        id={`panel-${selected}`}
        aria-labelledby={`tab-${selected}`}
        tabIndex={0}
      >
        {children}
      </div>
    </>
  );
}
