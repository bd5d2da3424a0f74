// Rewrites `export * from "./x"` lines of an entry index into named exports without the dropped names.
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
const [indexFile, ...drop] = process.argv.slice(2);
const program = ts.createProgram([indexFile], { strict: true, skipLibCheck: true, types: [] });
const checker = program.getTypeChecker();
const src = fs.readFileSync(indexFile, "utf8");
const out = src.replace(/^export \* from "([^"]+)";$/gm, (line, spec) => {
  const file = path.resolve(path.dirname(indexFile), spec) + ".ts";
  const sf = program.getSourceFile(file) ?? program.getSourceFile(path.resolve(path.dirname(indexFile), spec, "index.ts"));
  if (!sf) return line;
  const syms = checker.getExportsOfModule(checker.getSymbolAtLocation(sf)!);
  const names = syms.map((s) => s.name);
  if (!names.some((n) => drop.includes(n))) return line;
  const keep = syms.filter((s) => !drop.includes(s.name));
  const isValue = (s: ts.Symbol) => {
    const r = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    return (r.flags & ts.SymbolFlags.Value) !== 0;
  };
  const values = keep.filter(isValue).map((s) => s.name).sort();
  const types = keep.filter((s) => !isValue(s)).map((s) => s.name).sort();
  const lines: string[] = [];
  if (values.length) lines.push(`export { ${values.join(", ")} } from "${spec}";`);
  if (types.length) lines.push(`export type { ${types.join(", ")} } from "${spec}";`);
  return lines.join("\n");
});
fs.writeFileSync(indexFile, out);
