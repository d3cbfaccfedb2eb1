import type { ComponentChildren } from 'preact';

export interface SwitchProps {
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  /** The visible label, which is also the accessible name. */
  readonly children: ComponentChildren;
  /** Id of the element that explains the switch (why it is disabled, what it affects). */
  readonly describedBy?: string;
  /** Shown but inert: stays focusable so its explanation can be reached. */
  readonly disabled?: boolean;
  readonly id?: string;
  readonly class?: string;
}

/** An on/off switch (`role="switch"`): the whole row is one button, label first, track last. */
export function Switch({
  checked,
  onChange,
  children,
  describedBy,
  disabled = false,
  id,
  class: className,
}: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      id={id}
      class={className === undefined ? 'switch' : `switch ${className}`}
      aria-checked={checked}
      aria-disabled={disabled || undefined}
      aria-describedby={describedBy}
      onClick={() => {
        if (!disabled) onChange(!checked);
      }}
    >
      <span class="switch-label">{children}</span>
      <span class="switch-track" aria-hidden="true">
        <span class="switch-thumb" />
      </span>
    </button>
  );
}
