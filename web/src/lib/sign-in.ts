/** The sign-in page, coming back to `next` (a path on this site) once signed in. */
export function signInPath(next: string): string {
  return `/signin?next=${encodeURIComponent(next)}`;
}

/** The sign-up page, coming back to `next` once the account is made: the page that asked for one. */
export function signUpPath(next: string): string {
  return `/signup?next=${encodeURIComponent(next)}`;
}

/** Where sign-up lands: `next`, or the account page, marked so the page can welcome the new person. */
export function welcomePath(next: string | null): string {
  const url = new URL(next ?? '/account', 'http://hearth.invalid');
  url.searchParams.set('welcome', '');
  return url.pathname + url.search + url.hash;
}
