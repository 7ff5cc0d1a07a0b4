import type { FormEvent, ReactNode } from 'react';

/** The centred card every signed-out page shares: sign in, forgot password, choose a password. */
export function AuthCard({
  title,
  onSubmit,
  children,
}: {
  title: string;
  onSubmit(event: FormEvent): void;
  children: ReactNode;
}) {
  return (
    <main className="login">
      <form className="login-card" onSubmit={onSubmit} aria-labelledby="login-title">
        <div className="brand" aria-hidden="true">
          <img src="/favicon.svg" alt="" width="40" height="40" />
        </div>
        <h1 id="login-title">{title}</h1>
        {children}
      </form>
    </main>
  );
}

export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {error}
    </p>
  );
}
