import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The interface's English goes through the `app` catalog (docs/i18n.md), so adding a language is a
 * catalog, not a code change. This reads the renderer folders already moved to the catalog and
 * fails on English written in the code again: JSX text, a text attribute (label, title, …) or a
 * notification/modal text given as a literal. Folders not swept yet are not read; the next sweep
 * adds its folders to SWEPT.
 */

/** Renderer folders whose texts come from the catalog (every file below them, minus EXCLUDED). */
const SWEPT = [
  'renderer/site',
  'renderer/shell',
  'renderer/navigator',
  'renderer/first-run',
  'renderer/schedule',
  'renderer/status',
  'renderer/deployment',
  'renderer/sync',
  'renderer/dashboard',
  'renderer/site-report',
  'renderer/closeout',
  'renderer/calendar',
  'renderer/format',
  'renderer/camera',
  'renderer/photo',
];

/** Files or folders below a swept folder that are not read, with the reason. */
const EXCLUDED: Record<string, string> = {};
const excluded = (file: string) => Object.keys(EXCLUDED).some((e) => file === e || file.startsWith(`${e}/`));

/** JSX attributes and object properties whose string is shown to the user. */
const TEXT_NAMES = new Set([
  'label',
  'title',
  'placeholder',
  'description',
  'message',
  'aria-label',
  'alt',
  'tooltip',
  'error',
  'confirm',
  'cancel',
  'confirmLabel',
  'cancelLabel',
  'emptyText',
  'nothingFoundMessage',
  // The mutation options (renderer/api/send-mutation.ts): the notification a change shows.
  'errorTitle',
  'success',
]);

/** Text made of letters (a separator like "·" or "—" or a number is not language). */
const hasWords = (text: string) => /[A-Za-z]{2,}/.test(text);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function nameOf(name: ts.PropertyName | ts.JsxAttributeName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  if (ts.isJsxNamespacedName(name)) return `${name.namespace.text}:${name.name.text}`;
  return undefined;
}

/** The literal texts an expression can evaluate to directly (`'a'`, `x ? 'a' : 'b'`, `x ?? 'a'`, `` `a ${b}` ``). */
function literalTexts(node: ts.Expression): string[] {
  if (ts.isParenthesizedExpression(node)) return literalTexts(node.expression);
  // A text made from a result: (issue) => `Issue #${issue.number} logged`
  if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return literalTexts(node.body);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  if (ts.isConditionalExpression(node)) return [...literalTexts(node.whenTrue), ...literalTexts(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(
      node.operatorToken.kind,
    )
  )
    return [...literalTexts(node.left), ...literalTexts(node.right)];
  return [];
}

/** English literals in one file, as `file:line: text`. */
function literalsIn(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const report = (node: ts.Node, literal: string) => {
    if (!hasWords(literal)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push(`${path.relative(process.cwd(), file)}:${line}: ${literal.trim().replace(/\s+/g, ' ')}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    // A child expression: {'text'} or {busy ? 'Saving…' : 'Save'}
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)))
      literalTexts(node.expression).forEach((t) => report(node, t));
    else if (ts.isJsxAttribute(node) && TEXT_NAMES.has(nameOf(node.name) ?? '') && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(node, init.text);
      else if (ts.isJsxExpression(init) && init.expression) literalTexts(init.expression).forEach((t) => report(node, t));
    } else if (ts.isPropertyAssignment(node) && TEXT_NAMES.has(nameOf(node.name) ?? ''))
      literalTexts(node.initializer).forEach((t) => report(node, t));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('swept renderer folders take their texts from the catalog', () => {
  const files = SWEPT.flatMap((dir) => sources(path.resolve(dir))).filter((f) => !excluded(path.relative(process.cwd(), f)));

  it('reads the swept folders', () => {
    for (const dir of SWEPT) expect(fs.existsSync(path.resolve(dir)), dir).toBe(true);
    expect(files.length).toBeGreaterThan(50);
  });

  it('catches a literal of each kind (the scanner itself)', () => {
    const probe = path.resolve('test-results/literal-strings-probe.tsx');
    fs.mkdirSync(path.dirname(probe), { recursive: true });
    fs.writeFileSync(
      probe,
      `export const A = () => <Button title="Open it" label={x ? 'Yes' : 'No'} data-testid="ok-id">Save now {busy ? 'Saving' : t('a.b')}</Button>;\n` +
        `notifications.show({ title: 'Done', message: \`Saved \${n} rows\`, color: 'green' });\n` +
        `void runCommand('issues.create', input, { refresh: ['issues'], errorTitle: 'Not logged', success: (issue) => \`Issue #\${issue.number} logged\` });\n`,
    );
    const texts = literalsIn(probe).map((l) => l.replace(/^.*?:\d+: /, ''));
    fs.rmSync(probe);
    expect(texts.sort()).toEqual(
      ['Done', 'Issue #', 'No', 'Not logged', 'Open it', 'Save now', 'Saved', 'Saving', 'Yes', 'logged', 'rows'].sort(),
    );
  });

  it('no English literal in JSX text, text attributes or notification texts', () => {
    expect(files.flatMap(literalsIn)).toEqual([]);
  });

  it('the exclusions are still files or folders of a swept folder', () => {
    expect(Object.keys(EXCLUDED).filter((f) => !fs.existsSync(f) || !SWEPT.some((d) => f.startsWith(`${d}/`)))).toEqual([]);
  });
});
