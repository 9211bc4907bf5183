import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createMemoryThrottle } from '../../src/modules/accounts/throttle.js';

describe('sign-in throttle', () => {
  function setup() {
    let time = 1_000_000;
    const throttle = createMemoryThrottle({ now: () => time });
    return { throttle, advance: (ms: number) => (time += ms) };
  }

  it('refuses a sixth attempt on one account with a wait, until the window passes', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 5; i++) {
      assert.equal(throttle.retryAfter('ana@example.org', '10.0.0.1'), 0, `attempt ${i + 1}`);
      throttle.recordFailure('ana@example.org', '10.0.0.1');
    }
    const wait = throttle.retryAfter('ana@example.org', '10.0.0.1');
    assert.ok(wait > 0 && wait <= 15 * 60, `wait ${wait}`);
    // Per account, whichever address the guesses come from; case does not dodge it.
    assert.ok(throttle.retryAfter('ANA@example.org', '192.0.2.9') > 0);
    advance(15 * 60 * 1000 + 1);
    assert.equal(throttle.retryAfter('ana@example.org', '10.0.0.1'), 0);
  });

  it('leaves other accounts alone until the address itself reaches its limit', () => {
    const { throttle } = setup();
    for (let i = 0; i < 5; i++) throttle.recordFailure('ana@example.org', '10.0.0.1');
    assert.equal(throttle.retryAfter('ben@example.org', '10.0.0.1'), 0);
    // 15 more failures spread over other accounts: 20 from this address in all.
    for (let i = 0; i < 15; i++) throttle.recordFailure(`user${i % 5}@example.org`, '10.0.0.1');
    assert.ok(throttle.retryAfter('ben@example.org', '10.0.0.1') > 0);
    assert.equal(throttle.retryAfter('ben@example.org', '10.0.0.2'), 0);
  });

  it('forgives an account\'s failures on success', () => {
    const { throttle } = setup();
    for (let i = 0; i < 5; i++) throttle.recordFailure('ana@example.org', '10.0.0.1');
    throttle.recordSuccess('ana@example.org', '10.0.0.1');
    assert.equal(throttle.retryAfter('ana@example.org', '10.0.0.1'), 0);
  });

  it('shortens the wait as time passes', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 5; i++) throttle.recordFailure('ana@example.org', '10.0.0.1');
    const first = throttle.retryAfter('ana@example.org', '10.0.0.1');
    advance(60_000);
    assert.equal(throttle.retryAfter('ana@example.org', '10.0.0.1'), first - 60);
  });
});
