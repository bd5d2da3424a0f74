import * as ts from "typescript";
const entries = process.argv.slice(2);
const program = ts.createProgram(entries, { strict: true, skipLibCheck: true, types: [] });
const checker = program.getTypeChecker();
for (const e of entries) {
  const sym = checker.getSymbolAtLocation(program.getSourceFile(e)!)!;
  const names = checker.getExportsOfModule(sym).map((s) => s.name).sort();
  console.log(e, names.length);
  if (process.env.LIST) console.log(names.join(" "));
}
