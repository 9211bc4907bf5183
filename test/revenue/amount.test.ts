/** Amounts typed by readers → minor units, exactly or with a sentence; and money formatting. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { decimalOf, formatMoney, parseAmount } from '../../src/modules/revenue/amount.js';

const usd = { currency: 'usd', minimumAmount: 100, maximumAmount: 1_000_000 };

describe('parseAmount', () => {
  test('accepts what people type', () => {
    for (const [input, minor] of [['5', 500], ['5.5', 550], ['5.05', 505], ['$7', 700], ['1,000', 100_000], ['10000', 1_000_000], [' 12.00 ', 1200], ['.99e', null]] as const) {
      const result = parseAmount(input, usd);
      if (minor === null) assert.equal(result.ok, false);
      else assert.deepEqual(result, { ok: true, minor }, input);
    }
  });

  test('refuses zero, negatives, fractional cents, too large, words', () => {
    for (const input of ['0', '0.00', '-1', '-0.5', '1.001', '0.999', '10000.01', '1e3', 'Infinity', 'NaN', '0x10', '5 5', '٥', '']) {
      assert.equal(parseAmount(input, usd).ok, false, input);
    }
  });

  test('zero-decimal currencies take whole numbers only', () => {
    const jpy = { currency: 'jpy', minimumAmount: 100, maximumAmount: 1_000_000 };
    assert.deepEqual(parseAmount('500', jpy), { ok: true, minor: 500 });
    const result = parseAmount('500.5', jpy);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.problem, /whole numbers/u);
  });

  test('round trip: every valid amount in cents parses back from its decimal form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 1_000_000 }), (minor) => {
        assert.deepEqual(parseAmount(decimalOf(minor, 'usd'), usd), { ok: true, minor });
      }),
    );
  });

  test('formats in the currency', () => {
    assert.equal(formatMoney(500, 'usd'), '$5');
    assert.equal(formatMoney(1250, 'usd'), '$12.50');
    assert.match(formatMoney(1250, 'eur', 'de'), /^12,50\s€$/u);
    assert.equal(formatMoney(500, 'jpy'), '¥500');
  });
});
