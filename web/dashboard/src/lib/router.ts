import { useEffect, useState } from 'react';

/** A dozen lines instead of a router library: the dashboard's paths are few and flat. */
const listeners = new Set<() => void>();

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname + location.search) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
}

window.addEventListener('popstate', () => listeners.forEach((listener) => listener()));

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const listener = () => setPath(location.pathname);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return path;
}

/** Matches `/app/accounts/:accountId/conversations/:id?` style patterns; numbers come back as numbers. */
export function match(pattern: string, path: string): Record<string, number | string> | null {
  const names: string[] = [];
  const source = pattern.replace(/\/:(\w+)(\?)?/g, (_, name: string, optional?: string) => {
    names.push(name);
    return optional ? '(?:/([^/]+))?' : '/([^/]+)';
  });
  const found = new RegExp(`^${source}/?$`).exec(path);
  if (!found) return null;
  const params: Record<string, number | string> = {};
  names.forEach((name, i) => {
    const value = found[i + 1];
    if (value !== undefined) params[name] = /^\d+$/.test(value) ? Number(value) : decodeURIComponent(value);
  });
  return params;
}
