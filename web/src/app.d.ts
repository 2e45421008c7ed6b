import type { HearthApi } from '#lib/server/contract.ts';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in person, resolved once per request in hooks.server.ts; null when signed out. */
      user: { id: string; name: string; email: string | null } | null;
      /** Set-Cookie values returned by the API during this request, appended to the response in hooks.server.ts. */
      setCookies: string[];
    }
    interface PageData {
      user?: App.Locals['user'];
    }
    interface Platform {
      req: import('node:http').IncomingMessage & { hearthApi?: HearthApi };
    }
  }
}

export {};
