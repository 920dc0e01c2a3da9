import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { catalogue, editionLanguagePack, fill, languagePack, MESSAGES_FILE } from '../../src/i18n/catalogue.js';
import type { Message } from '../../src/infra/messages.js';
import { repoRoot } from '../helpers.js';

const CATALOGUES = readdirSync(path.join(repoRoot, 'xslt', 'messages')).map((f) => f.replace(/\.json$/, ''));
const english = catalogue('en')!;
const placeholders = (text: string): string[] => [...text.matchAll(/\{([a-z][a-z0-9-]*)\}/g)].map((m) => m[1]!).sort();

/** Every quoted literal of the stylesheets and page scripts that looks like a message key ("field.date", "register."). */
function keysWritten(): { literal: string; file: string }[] {
  const files = [
    ...readdirSync(path.join(repoRoot, 'xslt'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.xsl') || f.endsWith('.js'))
      .map((f) => path.join(repoRoot, 'xslt', f)),
    ...readdirSync(path.join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(repoRoot, 'src', f)),
  ];
  const prefixes = new Set(Object.keys(english).map((k) => k.split('.')[0]!));
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/'([a-z]+\.[A-Za-z0-9.-]*)'/g)]
      .map((m) => ({ literal: m[1]!, file: path.relative(repoRoot, file) }))
      .filter(({ literal }) => prefixes.has(literal.split('.')[0]!) && (literal in english || !/\.(x?html|js|css|xml|json|txt)$/.test(literal))),
  );
}

describe('i18n/catalogue (the interface’s words in the edition’s language)', () => {
  it('has English, German and French catalogues, each with every message and the same placeholders as English', () => {
    expect(CATALOGUES).to.include.members(['en', 'de', 'fr']);
    for (const name of CATALOGUES) {
      const messages = catalogue(name)!;
      expect(Object.keys(messages).sort(), name).to.deep.equal(Object.keys(english).sort());
      const wrong = Object.keys(english).filter((key) => placeholders(messages[key]!).join() !== placeholders(english[key]!).join());
      expect(wrong, `${name}: placeholders unlike the English`).to.deep.equal([]);
      expect(
        Object.entries(messages).filter(([, text]) => text.trim() === '' && text !== english[text]),
        name,
      ).to.deep.equal([]);
    }
  });

  it('knows every message the stylesheets and page scripts ask for, and every message is asked for', () => {
    const written = keysWritten();
    const known = (literal: string): boolean =>
      literal in english ||
      `${literal}.one` in english ||
      ((literal.endsWith('.') || literal.endsWith('-')) && Object.keys(english).some((k) => k.startsWith(literal)));
    expect(written.filter(({ literal }) => !known(literal)).map(({ literal, file }) => `${file}: ${literal}`)).to.deep.equal([]);
    const literals = new Set(written.map((w) => w.literal));
    const asked = (key: string): boolean =>
      literals.has(key) ||
      literals.has(key.replace(/\.(one|other)$/, '')) ||
      [...literals].some((l) => (l.endsWith('.') || l.endsWith('-')) && key.startsWith(l));
    // Messages asked for by a key made of parts (field.<element>, transcription.<element>, letters.<rel>.<scope>, register.<list>): their parts are elements' and types' names.
    const composed = /^(field|transcription|letters|register\.list|search\.js\.names)\./;
    expect(Object.keys(english).filter((key) => !asked(key) && !composed.test(key))).to.deep.equal([]);
  });

  it('writes dates and counts as the language does, from Intl', () => {
    const de = languagePack('de');
    expect(de).to.include({ day: '{d}. {m} {y}', month: '{m} {y}', catalogue: 'de' });
    expect(de.months[11]).to.equal('Dezember');
    expect(de.one).to.deep.equal([1]);
    expect(languagePack('fr').one).to.deep.equal([0, 1]);
    expect(languagePack('fr').months[1]).to.equal('février');
    // English in the day-month-year order of scholarly editions.
    expect(languagePack('en').day).to.equal('{d} {m} {y}');
    expect(languagePack('de-AT')).to.include({ tag: 'de-AT', catalogue: 'de' });
    expect(languagePack('de-AT').months[0]).to.equal('Jänner');
  });

  it('fills a message’s placeholders, and shows a key no catalogue has as the key, bracketed', () => {
    expect(fill(english, 'edition.edited-by', { editors: 'Anna Roth' })).to.equal('Edited by Anna Roth.');
    expect(fill(catalogue('de')!, 'register.mentioned', { times: '3-mal' })).to.equal('3-mal erwähnt, in {where}');
    expect(fill(english, 'no.such-key')).to.equal('⟦no.such-key⟧');
  });

  describe('an edition’s own wording', () => {
    let root: string;
    beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'editio-messages-'))));
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('words a message its own way, and says which keys it gives that editio has not', () => {
      writeFileSync(path.join(root, MESSAGES_FILE), JSON.stringify({ 'nav.documents': 'Die Briefe', 'nav.letters': 'Briefe' }));
      const messages: Message[] = [];
      const pack = editionLanguagePack('de', root, messages);
      expect(pack.messages['nav.documents']).to.equal('Die Briefe');
      expect(pack.messages['nav.chronology']).to.equal('Chronologie');
      expect(messages.map((m) => [m.severity, m.ruleId, m.file?.endsWith(MESSAGES_FILE)])).to.deep.equal([['warning', 'message-unknown', true]]);
      expect(messages[0]!.reason).to.include('"nav.letters"');
    });

    it('says what is wrong with a file that is no JSON object, and keeps the catalogue’s words', () => {
      writeFileSync(path.join(root, MESSAGES_FILE), '["nav.documents"]');
      const messages: Message[] = [];
      expect(editionLanguagePack('fr', root, messages).messages['nav.documents']).to.equal('Documents');
      expect(messages.map((m) => m.ruleId)).to.deep.equal(['messages-unreadable']);
    });

    it('speaks English in a language editio has no catalogue for, and says how to word it', () => {
      const messages: Message[] = [];
      const pack = editionLanguagePack('pl', root, messages);
      expect(pack).to.include({ tag: 'pl', catalogue: 'en' });
      expect(pack.months[0]).to.equal('stycznia');
      expect(messages.map((m) => m.ruleId)).to.deep.equal(['language-without-catalogue']);
    });
  });
});
