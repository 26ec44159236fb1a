import type { ComponentChildren } from 'preact';

/**
 * A secondary button whose visible words say the action ("修改", "扫描") and whose accessible
 * name also says what it acts on, so a screen reader's list of buttons tells them apart.
 */
export function ActionFor({ onClick, target, small, children }: { onClick: () => void; target: ComponentChildren; small?: boolean; children: ComponentChildren }) {
  return (
    <button type="button" class={small ? 'button secondary small' : 'button secondary'} onClick={onClick}>
      {children}
      <span class="visually-hidden">
        {' '}
        {target}
      </span>
    </button>
  );
}
