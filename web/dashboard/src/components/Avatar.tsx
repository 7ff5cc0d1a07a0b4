import { initials } from '../lib/format.ts';

/** A picture when there is one, else initials on a colour derived from the name; a dot for presence. */
export function Avatar({
  name,
  src,
  size = 32,
  status,
}: {
  name: string | null | undefined;
  src?: string | null;
  size?: number;
  status?: string;
}) {
  const hue = [...(name ?? '?')].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 360;
  return (
    <span
      className="avatar"
      style={{ width: size, height: size, fontSize: size * 0.4, background: src ? undefined : `hsl(${hue} 55% 45%)` }}
      aria-hidden="true"
    >
      {src ? <img src={src} alt="" width={size} height={size} /> : initials(name)}
      {status && <span className={`presence ${status}`} />}
    </span>
  );
}
