// Counts type assertions (`x as T`, `<T>x`; not `as const`) in the .ts files under a folder, by the TypeScript AST:
// node scripts/count-casts.cjs [folder, default src-main/core] [-v to list each cast]
const ts = require('typescript');
const fs = require('fs'), path = require('path');
const args = process.argv.slice(2);
const verbose = args.includes('-v');
const root = args.find((a) => a !== '-v') ?? 'src-main/core';
const files = [];
(function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (p.endsWith('.ts')) files.push(p); } })(root);
let total = 0, bare = 0, uu = 0; const per = {};
for (const f of files) {
  const src = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  (function visit(n) {
    if ((ts.isAsExpression(n) || ts.isTypeAssertionExpression(n)) && !(ts.isTypeReferenceNode(n.type) && n.type.typeName.getText(src) === 'const')) {
      total++; per[f] = (per[f] || 0) + 1;
      const t = n.type.getText(src);
      if (t === 'string' || t === 'number') bare++;
      if (ts.isAsExpression(n.expression) && n.expression.type.kind === ts.SyntaxKind.UnknownKeyword) uu++;
      if (verbose) { const { line } = src.getLineAndCharacterOfPosition(n.getStart()); console.log(`${f}:${line + 1}: ${n.getText(src).replace(/\s+/g, ' ').slice(0, 120)}`); }
    }
    ts.forEachChild(n, visit);
  })(src);
}
if (!verbose) for (const [f, c] of Object.entries(per).sort((a, b) => b[1] - a[1])) console.log(String(c).padStart(4), f);
console.log(`total ${total} (bare as string/number ${bare}, as unknown as ${uu})`);
