import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { actions, can, roles, type Action } from '../../src/modules/accounts/index.js';

describe('permissions', () => {
  const table = Object.entries(actions) as [Action, (typeof actions)[Action]][];

  it('refuses every role below an action\'s lowest role, and allows that role and every one above', () => {
    for (const [action, lowest] of table) {
      const rank = roles.indexOf(lowest);
      for (const [i, role] of roles.entries()) {
        assert.equal(can(role, action), i >= rank, `${role} ${i >= rank ? 'may' : 'may not'} ${action}`);
      }
    }
  });

  it('gives readers no staff action and admins every action', () => {
    for (const [action] of table) {
      assert.equal(can('reader', action), false, action);
      assert.equal(can('admin', action), true, action);
    }
  });

  it('lets authors publish their own work but not others\'', () => {
    assert.equal(can('author', 'article.publish.own'), true);
    assert.equal(can('author', 'article.publish.any'), false);
    assert.equal(can('contributor', 'article.publish.own'), false);
  });

  it('refuses a role it does not know', () => {
    assert.equal(can('owner' as never, 'article.create'), false);
  });
});
