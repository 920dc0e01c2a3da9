import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Source } from '../../src/parse/source.js';
import { parse } from '../../src/parse/parse.js';
import { fixtures, lineOf, repoRoot, teiDir } from '../helpers.js';

function sourceOf(file: string): Source {
  return { path: file, name: path.basename(file), bytes: readFileSync(file), role: 'document' };
}

function only(file: string) {
  const result = parse(sourceOf(path.join(fixtures, 'hostile', file)));
  expect(result.doc).to.equal(undefined);
  expect(result.messages).to.have.length(1);
  return result.messages[0]!;
}

describe('parse', () => {
  it('reads the root element and the xml-model schema of a tei/ document', () => {
    const file = path.join(teiDir, '1966-09-21-giap-decision.xml');
    const result = parse(sourceOf(file));
    expect(result.messages).to.deep.equal([]);
    expect(result.doc?.tree.name).to.equal('TEI');
    expect(result.doc?.schemaRefs).to.deep.equal([{ href: path.join(repoRoot, 'schemas', 'editio.rng'), line: 2 }]);
  });

  it('reports mismatched tags with the line and column of the closing tag', () => {
    const text = readFileSync(path.join(fixtures, 'hostile', 'mismatched-tags.xml'), 'utf8');
    const m = only('mismatched-tags.xml');
    expect(m).to.include({ ruleId: 'not-well-formed', severity: 'error', line: lineOf(text, '</persName>') });
    expect(m.column).to.be.a('number');
    expect(m.reason).to.contain('orgName');
  });

  it('reports an empty file', () => {
    expect(only('empty.xml').ruleId).to.equal('file-empty');
  });

  it('reports bytes that are not UTF-8, on the line where they are', () => {
    const m = only('invalid-utf8.xml');
    expect(m).to.include({ ruleId: 'encoding-invalid', line: 6 });
  });

  it('reports a binary file as not XML', () => {
    expect(only('binary-png.xml').ruleId).to.be.oneOf(['not-xml', 'encoding-invalid']);
  });

  it('refuses a DOCTYPE with an external entity, without reading its target', () => {
    const m = only('xxe-external-entity.xml');
    expect(m).to.include({ ruleId: 'doctype-entity', line: 5 });
    expect(m.reason).to.contain('&secret; is an external entity');
    expect(JSON.stringify(m)).not.to.contain('root:');
  });
});
