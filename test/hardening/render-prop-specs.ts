import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import * as ts from "typescript";

// Generates lib/core/prop-specs.ts — the runtime specs of every public props struct — from the
// TypeScript declarations under lib/, so the runtime type layer cannot drift from the types.
// Parse only (no type checker): a type name is looked up among the interfaces, enums, classes and
// type aliases declared in lib/; names declared elsewhere (cdktf, constructs, providers) are objects.
// Regenerate with: npx tsx test/hardening/render-prop-specs.ts > lib/core/prop-specs.ts

const LIB = join(__dirname, "..", "..", "lib");
/** lib/testing is the test helpers and CLIs, which check their own input. */
const SKIP = new Set([join(LIB, "testing")]);


type Decl = ts.InterfaceDeclaration | ts.EnumDeclaration | ts.TypeAliasDeclaration | ts.ClassDeclaration;

function files(dir: string): string[] {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .flatMap((path) => (SKIP.has(path) ? [] : statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : []))
    .sort();
}

const declarations = new Map<string, Decl>();
const constructorProps = new Set<string>();
for (const file of files(LIB)) {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
  source.forEachChild(function visit(node) {
    if ((ts.isInterfaceDeclaration(node) || ts.isEnumDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isClassDeclaration(node)) && node.name) {
      if (!declarations.has(node.name.text) || ts.isInterfaceDeclaration(node)) declarations.set(node.name.text, node);
    }
    if (ts.isConstructorDeclaration(node)) {
      for (const parameter of node.parameters) {
        const type = parameter.type;
        if (ts.isIdentifier(parameter.name) && /^(props|reference)$/.test(parameter.name.text) && type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
          constructorProps.add(type.typeName.text);
        }
      }
    }
    node.forEachChild(visit);
  });
}

const structs = new Map<string, string>();

function enumValues(decl: ts.EnumDeclaration): string[] {
  return decl.members.map((member) => {
    const init = member.initializer;
    if (init && ts.isStringLiteral(init)) return JSON.stringify(init.text);
    if (init && ts.isNumericLiteral(init)) return init.text;
    throw new Error(`enum ${decl.name.text}.${member.name.getText()} has no literal value`);
  });
}

function literalValue(node: ts.TypeNode): string | undefined {
  if (!ts.isLiteralTypeNode(node)) return undefined;
  const literal = node.literal;
  if (ts.isStringLiteral(literal)) return JSON.stringify(literal.text);
  if (ts.isNumericLiteral(literal)) return literal.text;
  if (literal.kind === ts.SyntaxKind.TrueKeyword) return "true";
  if (literal.kind === ts.SyntaxKind.FalseKeyword) return "false";
  return undefined;
}

/** The spec of a type, as TypeScript source. */
function specOf(node: ts.TypeNode, fieldName: string): string {
  switch (node.kind) {
    case ts.SyntaxKind.BooleanKeyword:
      return '"boolean"';
    case ts.SyntaxKind.NumberKeyword:
      // Whole numbers and ranges are checked by the construct, which knows the range.
      return '"number"';
    case ts.SyntaxKind.StringKeyword:
      return '"string"';
    case ts.SyntaxKind.UnknownKeyword:
      return '"json"';
    case ts.SyntaxKind.AnyKeyword:
      // `{ [key: string]: any }` holds Helm values, ARM bodies and offerings: data written into JSON.
      return '"json"';
  }
  if (ts.isParenthesizedTypeNode(node)) return specOf(node.type, fieldName);
  if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) return specOf(node.type, fieldName);
  if (ts.isArrayTypeNode(node)) return `{ list: ${specOf(node.elementType, fieldName)} }`;
  if (ts.isLiteralTypeNode(node)) return `{ oneOf: [${literalValue(node)}] }`;
  if (ts.isUnionTypeNode(node)) {
    const members = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
    const literals = members.map((t) => enumOrLiteral(t));
    if (literals.every((l) => l !== undefined)) return `{ oneOf: [${literals.flat().join(", ")}] }`;
    if (members.length === 1) return specOf(members[0], fieldName);
    return `{ anyOf: [${members.map((t) => specOf(t, fieldName)).join(", ")}] }`;
  }
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    if (index && node.members.length === 1) return `{ map: ${specOf(index.type, fieldName)} }`;
    return `{ fields: ${fieldsOf(node.members)} }`;
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.getText();
    const args = node.typeArguments ?? [];
    if ((name === "Array" || name === "ReadonlyArray") && args.length === 1) return `{ list: ${specOf(args[0], fieldName)} }`;
    if ((name === "Pick" || name === "Omit") && args.length === 2) return `{ fields: ${renderFields(pickOrOmit(name, args[0], args[1]))} }`;
    if (name === "Partial" && args.length === 1) return `{ fields: ${renderFields(fieldsOfType(args[0]).map(([field, text]) => [field, text.startsWith("{ optional: ") ? text : `{ optional: ${text} }`]))} }`;
    if (name === "Record" && args.length === 2) return `{ map: ${specOf(args[1], fieldName)} }`;
    if (name === "Readonly" && args.length === 1) return specOf(args[0], fieldName);
    const decl = declarations.get(name);
    // Declared elsewhere: a class (cdktf, provider resources) is checked by class name, an interface
    // (IResolvable) or a zod type only as an object.
    if (!decl) return /^I[A-Z]|\./.test(name) ? `{ reference: ${JSON.stringify(name)} }` : `{ instanceOf: ${JSON.stringify(name)} }`;
    if (ts.isEnumDeclaration(decl)) return `{ oneOf: [${enumValues(decl).join(", ")}], name: ${JSON.stringify(name)} }`;
    if (ts.isTypeAliasDeclaration(decl)) return specOf(decl.type, fieldName);
    if (ts.isClassDeclaration(decl)) return `{ instanceOf: ${JSON.stringify(name)}${factoriesOf(decl)} }`;
    // Interfaces (IDefenderWorkspace, structs): their properties are checked, their methods are not.
    addStruct(name);
    return `{ struct: ${JSON.stringify(name)} }`;
  }
  // Indexed access, conditional and other computed types (the estate stacks take zod-checked parts of
  // the estate description): checked where they are produced.
  return '"any"';
}

/** `, made: "X.a(...) or X.b(...)"` for a class whose instances come from static factories (private constructor). */
function factoriesOf(decl: ts.ClassDeclaration): string {
  const name = decl.name?.text ?? "";
  const privateConstructor = decl.members.some((m) => ts.isConstructorDeclaration(m) && m.modifiers?.some((mod) => mod.kind === ts.SyntaxKind.PrivateKeyword));
  if (!privateConstructor) return "";
  const factories = decl.members.filter(
    (m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && !!m.modifiers?.some((mod) => mod.kind === ts.SyntaxKind.StaticKeyword) && !m.modifiers?.some((mod) => mod.kind === ts.SyntaxKind.PrivateKeyword) && m.type?.getText() === name,
  );
  return factories.length ? `, made: ${JSON.stringify(factories.map((f) => `${name}.${f.name.getText()}(...)`).join(" or "))}` : "";
}

function enumOrLiteral(node: ts.TypeNode): string[] | undefined {
  const literal = literalValue(node);
  if (literal !== undefined) return [literal];
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    const decl = declarations.get(node.typeName.text);
    if (decl && ts.isEnumDeclaration(decl)) return enumValues(decl);
  }
  if (ts.isTypeReferenceNode(node) && ts.isQualifiedName(node.typeName)) {
    // `PlanTier.FREE`: one member of an enum
    const decl = declarations.get(node.typeName.left.getText());
    const member = decl && ts.isEnumDeclaration(decl) ? decl.members.find((m) => m.name.getText() === (node.typeName as ts.QualifiedName).right.text) : undefined;
    if (member?.initializer && ts.isStringLiteral(member.initializer)) return [JSON.stringify(member.initializer.text)];
  }
  return undefined;
}

type FieldList = [name: string, text: string][];

function fieldsOf(members: ts.NodeArray<ts.TypeElement>): FieldList {
  const fields: FieldList = [];
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const name = member.name.getText().replace(/^"|"$/g, "");
    const spec = specOf(member.type, name);
    const optional = member.questionToken !== undefined || (ts.isUnionTypeNode(member.type) && member.type.types.some((t) => t.kind === ts.SyntaxKind.UndefinedKeyword));
    fields.push([name, optional ? `{ optional: ${spec} }` : spec]);
  }
  return fields;
}

function renderFields(fields: FieldList): string {
  return `{ ${fields.map(([name, text]) => `${/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)}: ${text}`).join(", ")} }`;
}

/** The fields of a lib interface named by `node`, with its inherited ones. */
function fieldsOfType(node: ts.TypeNode | ts.ExpressionWithTypeArguments): FieldList {
  const name = ts.isExpressionWithTypeArguments(node) ? node.expression.getText() : ts.isTypeReferenceNode(node) ? node.typeName.getText() : "";
  const args = (ts.isExpressionWithTypeArguments(node) || ts.isTypeReferenceNode(node) ? node.typeArguments : undefined) ?? [];
  if ((name === "Pick" || name === "Omit") && args.length === 2) return pickOrOmit(name, args[0], args[1]);
  const decl = declarations.get(name);
  return decl && ts.isInterfaceDeclaration(decl) ? allFields(decl) : [];
}

function pickOrOmit(kind: string, base: ts.TypeNode, keys: ts.TypeNode): FieldList {
  const names = new Set((ts.isUnionTypeNode(keys) ? keys.types : [keys]).map((k) => JSON.parse(literalValue(k) ?? '""') as string));
  return fieldsOfType(base).filter(([name]) => names.has(name) === (kind === "Pick"));
}

function allFields(decl: ts.InterfaceDeclaration): FieldList {
  const inherited = (decl.heritageClauses ?? []).flatMap((clause) => clause.types.flatMap((type) => fieldsOfType(type)));
  const own = fieldsOf(decl.members);
  const ownNames = new Set(own.map(([name]) => name));
  return [...inherited.filter(([name]) => !ownNames.has(name)), ...own];
}

function addStruct(name: string): void {
  if (structs.has(name)) return;
  const decl = declarations.get(name);
  if (!decl || !ts.isInterfaceDeclaration(decl)) throw new Error(`${name} is not an interface`);
  structs.set(name, "");
  structs.set(name, renderFields(allFields(decl)));
}

for (const name of [...constructorProps].sort()) {
  const decl = declarations.get(name);
  if (decl && ts.isInterfaceDeclaration(decl)) addStruct(name);
}

/** lib/core/prop-specs.ts as text. */
export function renderPropSpecs(): string {
  const lines = [...structs.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, fields]) => `  ${name}: ${fields},`);
  return [
    "// Generated from the props interfaces under lib/ by test/hardening/render-prop-specs.ts; do not edit.",
    "// Regenerate with: npx tsx test/hardening/render-prop-specs.ts > lib/core/prop-specs.ts",
    'import type { Fields } from "./check-props";',
    "",
    "/** The runtime spec of every props struct of a public construct, by interface name (see ./check-props.ts). */",
    "export const PROP_SPECS = {",
    ...lines,
    "} as const satisfies { readonly [struct: string]: Fields };",
    "",
  ].join("\n");
}

if (require.main === module) process.stdout.write(renderPropSpecs());
