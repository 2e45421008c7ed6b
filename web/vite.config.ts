import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// scripts/build.ts builds aside, into a folder of its own, then points web/build at it.
const out = process.env.HEARTH_WEB_BUILD_OUT || 'build';

export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter({ out }),
      // Defence in depth: pages load only our own scripts and styles; kit adds nonces for its inline boot script.
      csp: {
        mode: 'auto',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          // No inline styles, not even kit's own: see the route announcer in patches/ and global.css.
          'style-src': ['self'],
          'img-src': ['self', 'data:'],
          'connect-src': ['self'],
          'object-src': ['none'],
          'base-uri': ['self'],
          'form-action': ['self'],
          'frame-ancestors': ['none'],
        },
      },
    }),
  ],
});
