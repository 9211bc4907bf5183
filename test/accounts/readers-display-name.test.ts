/** Display names: the form checks and the look-alike (confusable skeleton) test, without HTTP. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkDisplayName } from '../../src/modules/accounts/index.js';
import { looksAlike } from '../../src/modules/accounts/readers/skeleton.js';

const STAFF = ['Ana Editor', 'Daniel Moore', 'The Civic Ledger'];

describe('display names', () => {
  it('accepts ordinary names in any script, tidying spaces', () => {
    for (const [raw, stored] of [
      ['  Zoë   Smith ', 'Zoë Smith'],
      ['Nguyễn Văn An', 'Nguyễn Văn An'],
      ['Иван Петров', 'Иван Петров'],
      ['李小龍', '李小龍'],
      ['Ana Reader', 'Ana Reader'],
      ['Nell Moore', 'Nell Moore'],
    ]) {
      assert.deepEqual(checkDisplayName(raw ?? '', STAFF), { name: stored, problem: null }, raw);
    }
  });

  it('refuses control and format characters', () => {
    for (const raw of ['Ana\u0000', 'Bell\u0007', 'Right\u202Eleft', 'Zero\u200Bwidth', 'Soft\u00ADhyphen', 'Line\u2028sep', 'Private\uE000']) {
      assert.match(checkDisplayName(raw, STAFF).problem ?? '', /control or invisible formatting/u, JSON.stringify(raw));
    }
  });

  it('refuses names that look like a staff member’s or the publication’s', () => {
    for (const raw of ['\u0410na Editor', 'Аna Еditor', 'ana editor', 'Ana-Editor', 'Ａｎａ Ｅｄｉｔｏｒ', 'Ána Édítor', 'DanieI Moore', 'Danie1 Moore', 'Daniel Mo0re', 'Danie| Moore', 'The Civic Ledger', 'Daniel Moοre']) {
      assert.match(checkDisplayName(raw, STAFF).problem ?? '', /looks like the name/u, raw);
    }
    assert.match(checkDisplayName('Adrnin', STAFF).problem ?? '', /kept for the publication’s staff/u);
  });

  it('tells look-alikes from merely similar names', () => {
    assert.equal(looksAlike('Nell', 'Neil'), false);
    assert.equal(looksAlike('Ana Editor', 'Ana Editors'), false);
    assert.equal(looksAlike('Dan', 'Dean'), false);
    assert.equal(looksAlike('corn', 'com'), true, '"rn" passes for "m"');
  });
});
