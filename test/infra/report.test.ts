import { expect } from 'chai';
import { message } from '../../src/infra/messages.js';
import { report, summary } from '../../src/infra/report.js';

const messages = [
  message('warning', 'validate', 'schema-none', 'no schema', { file: 'b.xml' }),
  message('error', 'validate', 'relaxng', '<date> lacks a required attribute', { file: 'a.xml', line: 12 }),
  message('error', 'parse', 'not-well-formed', 'not well-formed XML', { file: 'a.xml', line: 3, column: 7 }),
];

describe('report', () => {
  it('groups messages by file, each as line:col  severity  reason  rule-id, in reading order', () => {
    const lines = report(messages, { format: 'human', fileCount: 2 }).trimEnd().split('\n');
    expect(lines).to.deep.equal([
      'a.xml',
      '  3:7  error  not well-formed XML  not-well-formed',
      '  12  error  <date> lacks a required attribute  relaxng',
      '',
      'b.xml',
      '  warning  no schema  schema-none',
      '',
      '✖ 2 errors, ⚠ 1 warning in 2 of 2 files',
    ]);
  });

  it('shows the source line with a caret under the column', () => {
    const text = report([messages[2]!], { format: 'human', sourceLine: (file, line) => (file === 'a.xml' && line === 3 ? '<p>abc<b></p>' : undefined) });
    expect(text).to.contain('    3 │ <p>abc<b></p>\n      │       ^\n');
  });

  it('shortens a long line around the column', () => {
    const long = `${'x'.repeat(300)}<bad>${'y'.repeat(300)}`;
    const text = report([{ ...messages[2]!, column: 301 }], { format: 'human', sourceLine: () => long });
    const [shown, caret] = text.split('\n').filter((l) => l.includes('│'));
    expect(shown!.length).to.be.lessThan(120);
    expect(shown!.slice(caret!.indexOf('^'))).to.match(/^<bad>/);
  });

  it('colours only when asked', () => {
    expect(report(messages, { format: 'human', color: true })).to.contain('\u001b[31merror\u001b[0m');
    expect(report(messages, { format: 'human' })).not.to.contain('\u001b[');
  });

  it('says so when there is nothing to report', () => {
    expect(summary([], 5)).to.equal('✔ no problems in 5 files');
  });

  it('prints the same messages as JSON', () => {
    const json = JSON.parse(report(messages, { format: 'json' })) as { messages: unknown[] };
    expect(json.messages).to.have.length(3);
    expect(json.messages[0]).to.deep.equal({
      severity: 'error',
      ruleId: 'not-well-formed',
      reason: 'not well-formed XML',
      source: 'parse',
      file: 'a.xml',
      line: 3,
      column: 7,
    });
  });
});
