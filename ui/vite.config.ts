import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The UI is served by Tauri from ui/dist (no dev server in any build); fonts come from the
// core's assets folder, so vite must be allowed to read it.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  base: "./",
  server: { fs: { allow: [".", "../crates/journal/assets/fonts"] } },
  build: {
    target: "safari15",
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
});
