/** The sign-in page, coming back to `next` (a path on this site) once signed in. */
export function signInPath(next: string): string {
  return `/signin?next=${encodeURIComponent(next)}`;
}
