import ts from "../../typescript.cts";
import { snippet } from "./snippet.ts";

/** The key and value types a declared cache type names, and whether memocap can restate it as LRUCache. */
export type DeclaredCacheType =
  /** `Map<K, V>`, `Record<K, V>`, `{ [k: K]: V }`: becomes `LRUCache<K, V>`. */
  | { kind: "keyed"; key: ts.TypeNode; value: ts.TypeNode }
  /** `any`: an LRUCache is one too; left as it is. */
  | { kind: "any" }
  | { kind: "other"; text: string };

export function mapType(node: ts.TypeNode): DeclaredCacheType {
  if (node.kind === ts.SyntaxKind.AnyKeyword) return { kind: "any" };
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === "Map" && node.typeArguments?.length === 2) {
    return { kind: "keyed", key: node.typeArguments[0]!, value: node.typeArguments[1]! };
  }
  return { kind: "other", text: snippet(node) };
}

export function objectType(node: ts.TypeNode): DeclaredCacheType {
  if (node.kind === ts.SyntaxKind.AnyKeyword) return { kind: "any" };
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === "Record" && node.typeArguments?.length === 2) {
    return { kind: "keyed", key: node.typeArguments[0]!, value: node.typeArguments[1]! };
  }
  if (ts.isTypeLiteralNode(node) && node.members.length === 1) {
    const [member] = node.members;
    if (member && ts.isIndexSignatureDeclaration(member) && member.parameters.length === 1 && member.parameters[0]!.type && !hasReadonly(member)) {
      return { kind: "keyed", key: member.parameters[0]!.type, value: member.type };
    }
  }
  return { kind: "other", text: snippet(node) };
}

function hasReadonly(member: ts.IndexSignatureDeclaration): boolean {
  return (ts.getModifiers(member) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ReadonlyKeyword);
}

/** `<K, V>` as written after `Map` in `new Map<K, V>()` or in a type reference, with its own spacing. */
export function writtenTypeArguments(sourceText: string, afterName: number, node: { typeArguments?: ts.NodeArray<ts.TypeNode> }): string {
  const args = node.typeArguments;
  if (!args || args.length === 0) return "";
  const close = sourceText.indexOf(">", args.end);
  return sourceText.slice(afterName, close + 1).trim();
}
