import { colourOf, initialOf } from './Avatar.js';

/** An app's icon: its `icon` when that is a short symbol (an emoji), else its initial on a colour of its id. */
export function AppIcon({ id, name, icon, size = 44 }: { id: string; name: string; icon?: string; size?: number }) {
  const symbol = icon && Array.from(icon).length <= 2 ? icon : initialOf(name);
  return (
    <span
      className="ff-appicon"
      aria-hidden="true"
      style={{ width: size, height: size, background: colourOf(id), fontSize: Math.round(size * 0.45) }}
    >
      {symbol}
    </span>
  );
}
