// Lint rules that keep the architecture livable (see docs/architecture.md).
import tseslint from "typescript-eslint"

const browserOrIoModules = [
  "webextension-polyfill", "react", "react-dom", "react-dom/*", "dexie", "dexie-react-hooks", "openai", "openai/*",
  "pdfjs-dist", "pdfjs-dist/*", "mammoth", "plasmo", "@plasmohq/*", "zustand", "node:*", "fs", "path", "http", "https"
]

export default tseslint.config(
  { ignores: ["build/**", ".plasmo/**", "node_modules/**", "demo-output/**", "coverage/**", "**/*.mjs", "**/*.js"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
      "no-console": "off"
    }
  },
  {
    // Rule 1 of the architecture: src/core is pure. Callers pass fetch, clocks and parsers in.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: browserOrIoModules, message: "src/core stays pure: pass the dependency in from background, pages or cli." }] }],
      "no-restricted-globals": ["error",
        { name: "chrome", message: "src/core stays pure: no browser APIs." },
        { name: "browser", message: "src/core stays pure: no browser APIs." },
        { name: "fetch", message: "src/core takes fetch as a parameter." },
        { name: "XMLHttpRequest", message: "src/core takes fetch as a parameter." },
        { name: "WebSocket", message: "src/core does no network I/O." },
        { name: "indexedDB", message: "src/core does no storage I/O." },
        { name: "localStorage", message: "src/core does no storage I/O." },
        { name: "document", message: "src/core has no DOM." },
        { name: "window", message: "src/core has no DOM." }
      ]
    }
  },
  {
    // Content scripts live in Lever's origin: they never open our database or import the vault.
    files: ["src/contents/**/*.{ts,tsx}", "src/content-kit/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [
        { group: ["dexie", "dexie-react-hooks", "**/db", "**/db/*", "~db/*", "~db"], message: "Content scripts never open the database: ask the background." },
        { group: ["**/background/*", "~background/*"], message: "Content scripts talk to the background through src/messaging only." }
      ] }]
    }
  }
)
