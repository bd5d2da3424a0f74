// The Markdown pages whose code blocks and prop tables the tests in this folder check.
import { readdirSync, readFileSync } from "fs";
import { join } from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fences } = require("./markdownlint-rules.cjs") as { fences: (lines: string[]) => { start: number; end?: number; info: string }[] };

export const ROOT = join(__dirname, "..", "..");

export interface CodeBlock {
  readonly page: string;
  /** 1-based line of the block's first code line in the page. */
  readonly line: number;
  readonly code: string;
  readonly file: string;
}

export function docPages(): string[] {
  const docs = readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`);
  return ["README.md", ...docs];
}

export function tsBlocks(page: string): CodeBlock[] {
  const lines = readFileSync(join(ROOT, page), "utf8").split("\n");
  return fences(lines)
    .filter((b) => /^(ts|typescript)\b/.test(b.info) && b.end !== undefined)
    .map((b) => {
      const title = /\btitle=([\w.-]+\.ts)\b/.exec(b.info)?.[1];
      const file = title ?? `${page.replace(/[^A-Za-z0-9]+/g, "_")}_L${b.start}.ts`;
      return { page, line: b.start + 1, code: lines.slice(b.start, b.end! - 1).join("\n") + "\n", file };
    });
}

