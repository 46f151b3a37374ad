import { useEffect, useRef } from 'react';
import { KEYBOARD_SHORTCUTS } from '../hooks/use-keyboard-shortcuts';

/** The `?` overlay: every shortcut, from the same table the handler uses. */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="keyboard-help-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="keyboard-help-title">Keyboard and mouse</h2>
        <table className="shortcuts">
          <tbody>
            {KEYBOARD_SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.keys}>
                <th scope="row">
                  <kbd>{shortcut.keys}</kbd>
                </th>
                <td>{shortcut.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" ref={close} onClick={onClose}>
          Close (Escape)
        </button>
      </div>
    </div>
  );
}
