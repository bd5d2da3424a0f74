/**
 * The prop tables of docs/ agree with the JSDoc'd props interfaces (one source of truth): every prop a
 * table names exists on `<Construct>Props`, and every prop of that interface has a row. A table is a
 * Markdown table whose header starts `| prop |`, under a heading that names the construct in backticks.
 */
import { readFileSync } from "fs";
import { join } from "path";
import * as ts from "typescript";
import { docPages } from "./pages";

const ROOT = join(__dirname, "..", "..");

interface PropTable {
  readonly where: string;
  readonly constructs: string[];
  readonly props: string[];
}

function propTables(page: string): PropTable[] {
  const lines = readFileSync(join(ROOT, page), "utf8").split("\n");
  const tables: PropTable[] = [];
  let constructs: string[] = [];
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    if (/^#{1,6} /.test(line)) constructs = [...line.matchAll(/`([A-Z][A-Za-z0-9]+)`/g)].map((m) => m[1]);
    if (!/^\|\s*prop\s*\|/.test(line) || constructs.length === 0) continue;
    const props: string[] = [];
    for (let j = i + 2; j < lines.length && lines[j].startsWith("|"); j++) {
      const first = lines[j].split("|")[1];
      props.push(...[...first.matchAll(/`([a-z][A-Za-z0-9]*)`/g)].map((m) => m[1]));
    }
    tables.push({ where: `${page}:${i + 1}`, constructs, props });
  }
  return tables;
}

const TABLES = docPages().flatMap(propTables);
const program = ts.createProgram([join(ROOT, "lib", "index.ts")], { strict: true, skipLibCheck: true, types: [] });
const checker = program.getTypeChecker();
const exportsOfRoot = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(join(ROOT, "lib", "index.ts"))!)!);

/** Every prop name of `<construct>Props` (inherited ones included), or undefined when there is no such interface. */
function propsOf(construct: string): string[] | undefined {
  const symbol = exportsOfRoot.find((s) => s.name === `${construct}Props`);
  if (!symbol) return undefined;
  const resolved = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(resolved)).map((p) => p.name);
}

describe("prop tables in docs/", () => {
  test("there are prop tables, each under a construct with a props interface", () => {
    expect(TABLES.length).toBeGreaterThan(10);
    const orphans = TABLES.filter((t) => t.constructs.every((c) => propsOf(c) === undefined)).map((t) => `${t.where} (${t.constructs.join(", ")})`);
    expect(orphans).toEqual([]);
  });

  test.each(TABLES.map((t) => [t.where, t] as const))("%s names only props the interface has, and every one it has", (_where, table) => {
    const declared = table.constructs.flatMap((c) => propsOf(c) ?? []);
    expect({ unknown: table.props.filter((p) => !declared.includes(p)) }).toEqual({ unknown: [] });
    if (table.constructs.length === 1) {
      expect({ undocumented: declared.filter((p) => !table.props.includes(p)) }).toEqual({ undocumented: [] });
    }
  });
});
