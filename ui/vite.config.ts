/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The UI is served by Tauri from ui/dist (no dev server in any build).
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  base: "./",
  // Unit tests (vitest) run Svelte's client build, as the window does, not its server build.
  resolve: mode === "test" ? { conditions: ["browser"] } : undefined,
  build: {
    target: "safari15",
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    include: ["src/**/*.test.ts"],
    // Logic modules need no DOM; a component test opts in with `// @vitest-environment happy-dom`.
    environment: "node",
    // A zone whose clocks changed at midnight (2018-11-04 had no 00:00), so date arithmetic
    // that relies on midnight existing fails here rather than for a user in Brazil.
    env: { TZ: "America/Sao_Paulo" },
  },
}));
