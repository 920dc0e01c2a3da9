import { expect } from 'chai';
import { message } from '../src/messages.js';
import { report, summary } from '../src/report.js';

const messages = [
  message('warning', 'validate', 'schema-none', 'no schema', { file: 'b.xml' }),
  message('error', 'validate', 'relaxng', '<date> lacks a required attribute', { file: 'a.xml', line: 12 }),
  message('error', 'parse', 'not-well-formed', 'not well-formed XML', { file: 'a.xml', line: 3, column: 7 }),
];

describe('report', () => {
  it('prints one line per message, file:line:col  severity  reason  rule-id, in reading order', () => {
    const lines = report(messages, { format: 'human', fileCount: 2 }).trimEnd().split('\n');
    expect(lines).to.deep.equal([
      'a.xml:3:7  error  not well-formed XML  not-well-formed',
      'a.xml:12  error  <date> lacks a required attribute  relaxng',
      'b.xml  warning  no schema  schema-none',
      '✖ 2 errors, ⚠ 1 warning (1 of 2 files failed)',
    ]);
  });

  it('says so when there is nothing to report', () => {
    expect(summary([], 5)).to.equal('✔ no problems in 5 files');
  });

  it('prints the same messages as JSON', () => {
    const json = JSON.parse(report(messages, { format: 'json' })) as { messages: unknown[] };
    expect(json.messages).to.have.length(3);
    expect(json.messages[0]).to.deep.equal({ severity: 'error', ruleId: 'not-well-formed', reason: 'not well-formed XML', source: 'parse', file: 'a.xml', line: 3, column: 7 });
  });
});
