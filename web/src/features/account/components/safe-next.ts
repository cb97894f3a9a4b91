/**
 * The page to return to after logging in, from ?next=: only a path of this site ("/account"),
 * never another site ("//evil.example", "https://…"), so the login page cannot be used to send
 * people elsewhere.
 */
export function safeNext(next: string | null): string | undefined {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  if (next.startsWith('/login')) return undefined;
  return next;
}
