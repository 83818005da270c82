import type { Collection, JSCodeshift } from "jscodeshift";

/** Whether new bindings are imported (ESM, and all TypeScript) or required (CommonJS). */
export function moduleKind(j: JSCodeshift, root: Collection, path: string): "esm" | "cjs" {
  if (/\.(c[jt]s)$/.test(path)) return "cjs";
  if (/\.(m[jt]s|tsx?)$/.test(path)) return "esm";
  const hasModuleSyntax =
    root.find(j.ImportDeclaration).size() > 0 ||
    root.find(j.ExportNamedDeclaration).size() > 0 ||
    root.find(j.ExportDefaultDeclaration).size() > 0;
  if (hasModuleSyntax) return "esm";
  return root.find(j.CallExpression, { callee: { name: "require" } }).size() > 0 ? "cjs" : "esm";
}
