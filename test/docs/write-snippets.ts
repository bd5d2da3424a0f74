// Writes every ```ts block of README.md and docs/*.md to .docs-snippets/ (one file per block, named after
// its page and line, or its `title=`), so `npm run typecheck` checks them in the same program as lib/ and
// test/ (tsconfig.json includes .docs-snippets): one program instead of a second one in jest.
// Run by `npm run typecheck`; test/docs/code-blocks.test.ts synthesizes the runnable blocks.
import { mkdirSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { docPages, ROOT, tsBlocks } from "./pages";

export const SNIPPETS = join(ROOT, ".docs-snippets");

export function writeSnippets(): void {
  rmSync(SNIPPETS, { recursive: true, force: true });
  mkdirSync(SNIPPETS, { recursive: true });
  for (const block of docPages().flatMap(tsBlocks)) writeFileSync(join(SNIPPETS, block.file), block.code);
}

if (require.main === module) writeSnippets();
