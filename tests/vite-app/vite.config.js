import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the build works from any path of any static server.
  base: './',
  build: { target: 'es2022' },
});
