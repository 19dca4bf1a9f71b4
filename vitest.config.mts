import { fileURLToPath } from "node:url"
import { defineConfig } from "vitest/config"

const src = fileURLToPath(new URL("./src/", import.meta.url))

// Node has no DOMMatrix/Worker-free modern build of pdf.js: tests use the legacy build (toolchain.md).
const alias = [
  { find: /^pdfjs-dist$/, replacement: "pdfjs-dist/legacy/build/pdf.mjs" },
  { find: /^pdfjs-dist\/build\/pdf\.worker\.mjs$/, replacement: "pdfjs-dist/legacy/build/pdf.worker.mjs" },
  { find: /^~(.*)$/, replacement: `${src}$1` }
]

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // First calls compile the vocabulary and load pdf.js: allow for a slow, shared machine.
        test: { name: "unit", environment: "node", include: ["tests/unit/**/*.test.ts", "tests/lever-sim/**/*.test.ts"], testTimeout: 30_000 }
      },
      {
        resolve: { alias },
        test: {
          name: "dom",
          environment: "jsdom",
          include: ["tests/dom/**/*.test.{ts,tsx}"],
          setupFiles: ["tests/dom/setup.ts"],
          testTimeout: 30_000
        }
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false
        }
      }
    ]
  }
})
