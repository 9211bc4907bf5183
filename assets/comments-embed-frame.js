/*
 * StructureCMS Comments inside another site's frame (body[data-embed]) and at the end of the
 * sign-in popup (data-embed="handoff"). In the frame it:
 * - tells the host page its height (the loader, comments-embed.js, sizes the iframe);
 * - opens links to other sites outside the frame;
 * - signs the reader in through a popup of ours: the session cookie never reaches a frame under
 *   another site, so the popup hands back a short-lived token. The token is kept in memory, and
 *   in this tab's sessionStorage where the browser allows a frame storage (per origin and, in
 *   current browsers, per host site), so links inside the frame keep it; it is sent as
 *   `Authorization: Bearer` on every /api/comments request made with fetch, the comments
 *   script's included;
 * - posts the form itself when the comments script has not taken it (no script built, or no
 *   reader when it started; where storage is allowed the frame reloads so it starts signed in).
 * Events on document: 'structurecms-comments:signed-in' ({ detail: { name } }) and
 * 'structurecms-comments:signed-out', for the comments script.
 */
(function () {
  'use strict';
  var body = document.body;
  var mode = body.getAttribute('data-embed');
  var TOKEN = 'structurecms-comments:token';
  var SIGNED_IN = '/comments/embed/signed-in';
  var POSTED = { approved: 'Thanks! Your comment is posted.', pending: 'Thanks! Your comment will appear once a moderator has approved it.' };

  if (mode === 'handoff') {
    // Only a window of our own origin receives it: postMessage's target origin sees to that.
    if (window.opener) {
      window.opener.postMessage({ type: TOKEN, token: body.getAttribute('data-token'), name: body.getAttribute('data-name'), expiresAt: Number(body.getAttribute('data-expires')) }, location.origin);
      window.close();
    }
    return;
  }

  // Height: after every change of size, once a frame.
  if (window.parent !== window) {
    var last = -1;
    var queued = false;
    var report = function () {
      queued = false;
      var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: 'structurecms-comments:height', height: height }, '*');
    };
    var schedule = function () {
      if (!queued) {
        queued = true;
        requestAnimationFrame(report);
      }
    };
    if (window.ResizeObserver) new ResizeObserver(schedule).observe(body);
    addEventListener('load', schedule);
    report();
  }

  if (mode !== 'frame' && mode !== 'sign-in') return;

  var client = body.getAttribute('data-client') === '1';
  // Browsers that block third-party storage (private windows, strict tracking protection) refuse
  // it to this frame: then the token lives in memory only, until the frame navigates.
  var storage = null;
  try {
    sessionStorage.setItem(TOKEN + ':probe', '1');
    sessionStorage.removeItem(TOKEN + ':probe');
    storage = sessionStorage;
  } catch (e) {}

  var reader = null;
  try {
    reader = storage && JSON.parse(storage.getItem(TOKEN) || 'null');
  } catch (e) {}
  if (!reader || typeof reader.token !== 'string') reader = null;

  function keep(next) {
    reader = next;
    if (storage) {
      if (next) storage.setItem(TOKEN, JSON.stringify(next));
      else storage.removeItem(TOKEN);
    }
    showReader();
    document.dispatchEvent(new CustomEvent(next ? 'structurecms-comments:signed-in' : 'structurecms-comments:signed-out', { detail: next ? { name: next.name } : null }));
  }

  var ownFetch = window.fetch;
  window.fetch = function (input, init) {
    var held = reader;
    if (held) {
      var url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url, location.href);
      if (url.origin === location.origin && /^\/api\/comments(\/|$)/.test(url.pathname)) {
        var headers = new Headers((init && init.headers) || (input instanceof Request ? input.headers : undefined));
        if (!headers.has('authorization')) headers.set('authorization', 'Bearer ' + held.token);
        init = Object.assign({}, init, { headers: headers });
      }
    }
    return ownFetch.call(this, input, init).then(function (response) {
      // Expired or no longer valid: signed out here, and "Sign in to comment" again.
      if (held && response.status === 401 && reader === held) keep(null);
      return response;
    });
  };

  var pending = null;
  addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== location.origin || !data || data.type !== TOKEN || typeof data.token !== 'string') return;
    var next = { token: data.token, name: String(data.name || ''), expiresAt: Number(data.expiresAt) || 0 };
    if (client && storage && !pending) {
      // The comments script learns its reader when it starts: start it again, signed in.
      storage.setItem(TOKEN, JSON.stringify(next));
      return location.reload();
    }
    keep(next);
    if (pending) {
      var form = pending;
      pending = null;
      post(form);
    }
  });

  function openSignIn() {
    var popup = window.open('/account/sign-in?return=' + encodeURIComponent(SIGNED_IN), 'structurecms-sign-in', 'popup,width=480,height=700');
    if (popup) popup.focus();
    return !!popup;
  }

  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || event.defaultPrevented) return;
    if (link.origin !== location.origin) {
      // Another site: a new tab, never inside this small frame.
      link.target = '_blank';
      return;
    }
    if (link.pathname === '/comments/embed/sign-in' || link.pathname === '/account/sign-in' || link.hasAttribute('data-embed-sign-in')) {
      // A popup keeps the way back to this frame; when it is blocked, the link's own page explains.
      if (openSignIn()) event.preventDefault();
    }
  });

  function showReader() {
    var box = document.querySelector('.comments-signin');
    if (!box) return;
    if (!box.hasAttribute('data-signed-out')) box.setAttribute('data-signed-out', box.innerHTML);
    if (!reader) {
      box.innerHTML = box.getAttribute('data-signed-out');
      return;
    }
    box.textContent = '';
    var who = document.createElement('span');
    who.className = 'embed-reader';
    who.textContent = 'Commenting as ' + (reader.name || 'you') + ' · ';
    var out = document.createElement('button');
    out.type = 'button';
    out.className = 'button-link';
    out.textContent = 'Sign out here';
    out.addEventListener('click', function () {
      keep(null);
    });
    who.appendChild(out);
    box.appendChild(who);
  }
  if (reader) showReader();

  function say(form, className, role, message) {
    var slot = form.parentNode.querySelector('.' + className);
    if (!slot) {
      slot = document.createElement('p');
      slot.className = className;
      slot.setAttribute('role', role);
      if (role === 'alert') form.insertBefore(slot, form.querySelector('.comment-form-hint'));
      else form.parentNode.insertBefore(slot, form);
    }
    slot.textContent = message;
  }

  /** The thread again, rendered by the server, in place (no navigation: the token may live in memory only). */
  function refresh(address) {
    return ownFetch(address, { cache: 'no-store' })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('section.comments');
        var current = document.querySelector('section.comments');
        if (fresh && current) current.replaceWith(fresh);
        showReader();
      });
  }

  function post(form) {
    var fields = new FormData(form);
    var button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    var storyId = Number(fields.get('story'));
    window
      .fetch('/api/comments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ storyId: storyId, parentId: fields.get('parent') ? Number(fields.get('parent')) : null, text: String(fields.get('text') || '') }),
      })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok) {
            if (response.status === 401) pending = form;
            say(form, 'comment-form-error', 'alert', (answer && answer.error) || 'The comment could not be posted. Try again.');
            return;
          }
          var status = answer.status === 'approved' ? 'approved' : 'pending';
          var sort = fields.get('sort');
          var address = '/comments/embed/story/' + storyId + '?' + (sort ? 'sort=' + encodeURIComponent(String(sort)) + '&' : '') + 'posted=' + status;
          if (storage) return location.assign(address + (status === 'approved' ? '#comment-' + answer.comment.id : '#comments'));
          if (!client) return refresh(address);
          // The comments script's live stream brings the comment ("1 new comment").
          form.querySelector('textarea').value = '';
          say(form, 'comments-notice', 'status', POSTED[status]);
        });
      })
      .catch(function () {
        say(form, 'comment-form-error', 'alert', 'The comment could not be sent. Check your connection and try again.');
      })
      .then(function () {
        if (button) button.disabled = false;
      });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement) || !form.classList.contains('comment-form')) return;
    event.preventDefault();
    if (reader) return post(form);
    pending = form;
    if (!openSignIn()) location.assign('/comments/embed/sign-in?return=' + encodeURIComponent(location.pathname + location.search));
  });
})();
