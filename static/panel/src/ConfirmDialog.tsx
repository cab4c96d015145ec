/**
 * A modal confirmation built on the native <dialog> (`showModal()`): the rest of the panel is
 * inert, Escape cancels, Tab cycles inside, focus starts on the title so the whole question is
 * read, and the caller puts focus back. No library: this stays small and works inside Jira's
 * auto-sized iframe, where a dialog centred in the frame's viewport could sit far from where the
 * user clicked. It opens next to its trigger instead (and the frame grows if it must).
 */
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';

export interface ConfirmDialogProps {
  id: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** While the confirmed call runs: buttons disabled, Escape ignored. */
  busy: boolean;
  /** The element the dialog opens next to (its trigger). */
  anchor: HTMLElement | null;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function ConfirmDialog({ id, title, children, confirmLabel, onConfirm, onCancel, busy, anchor }: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const busyRef = useRef(busy);
  busyRef.current = busy;
  const cancelRef = useRef(onCancel);
  cancelRef.current = onCancel;
  const unmounting = useRef(false);

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    unmounting.current = false;
    if (!dialog.open) dialog.showModal();
    const root = document.getElementById('root');
    const previousMinHeight = root?.style.minHeight ?? '';
    // Next to the trigger, ending where it ends when there is room above; inside the content,
    // which sets the frame's height (grown when the content is shorter than the dialog).
    const height = dialog.offsetHeight;
    const anchorRect = anchor?.getBoundingClientRect();
    const contentBottom = (root?.getBoundingClientRect().bottom ?? window.innerHeight) + window.scrollY;
    let top = anchorRect ? anchorRect.bottom + window.scrollY - height : window.scrollY + 16;
    if (anchorRect && top < 8) top = anchorRect.top + window.scrollY;
    top = Math.max(8, Math.min(top, contentBottom - height - 8));
    if (root && top + height + 8 > contentBottom) root.style.minHeight = `${top + height + 16}px`;
    dialog.style.top = `${top}px`;
    titleRef.current?.focus({ preventScroll: true });
    dialog.scrollIntoView({ block: 'nearest' });
    return () => {
      unmounting.current = true;
      if (root) root.style.minHeight = previousMinHeight;
      if (dialog.open) dialog.close();
    };
  }, [anchor]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const onCancelEvent = (event: Event) => {
      // Escape: the caller closes the dialog (state), unless the call is running.
      event.preventDefault();
      if (!busyRef.current) cancelRef.current();
    };
    // Closed by the browser itself (it may, after repeated Escape): keep the state in step.
    const onClose = () => {
      if (!unmounting.current) cancelRef.current();
    };
    dialog.addEventListener('cancel', onCancelEvent);
    dialog.addEventListener('close', onClose);
    return () => {
      dialog.removeEventListener('cancel', onCancelEvent);
      dialog.removeEventListener('close', onClose);
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const items = Array.from(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
    if (!items.length) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === titleRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="sh-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      aria-modal="true"
      onKeyDown={onKeyDown}
      onClick={(event) => {
        // A click on the backdrop (outside the content box) cancels.
        if (event.target === dialogRef.current && !busyRef.current) onCancel();
      }}
      data-testid="confirm-dialog"
    >
      <div className="sh-dialog-content">
        <h2 id={`${id}-title`} ref={titleRef} tabIndex={-1} className="sh-dialog-title">
          {title}
        </h2>
        <div id={`${id}-body`} className="sh-dialog-body">
          {children}
        </div>
        <div className="sh-dialog-actions">
          <Button appearance="primary" onClick={onConfirm} isLoading={busy} isDisabled={busy}>
            {confirmLabel}
          </Button>
          <Button appearance="subtle" onClick={onCancel} isDisabled={busy}>
            Cancel
          </Button>
        </div>
      </div>
    </dialog>
  );
}
