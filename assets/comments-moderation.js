// Moderation queue shortcuts: j/k move between comments, a approves, r rejects, f features or
// unfeatures. They only submit the page's own forms (data-shortcut), which work without this file.
const items = [...document.querySelectorAll('[data-moderation-item]')];
let current = -1;

function select(index) {
  if (items.length === 0) return;
  items[current]?.classList.remove('is-current');
  current = Math.min(Math.max(index, 0), items.length - 1);
  const item = items[current];
  item.classList.add('is-current');
  item.focus({ preventScroll: true });
  item.scrollIntoView({ block: 'nearest' });
}

// Back from a decision: the page's address names the comment to carry on from (#c-<id>).
const start = items.findIndex((item) => `#${item.id}` === location.hash);
if (start >= 0) select(start);

const ACTIONS = { a: 'approve', r: 'reject', f: 'feature' };
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest?.('input, textarea, select, button, summary, [contenteditable]')) return;
  if (event.key === 'j' || event.key === 'k') {
    select(current + (event.key === 'j' ? 1 : -1));
  } else if (ACTIONS[event.key] && items[current]) {
    const form = items[current].querySelector(`form[data-shortcut="${ACTIONS[event.key]}"]`);
    if (!form) return;
    form.requestSubmit();
  } else {
    return;
  }
  event.preventDefault();
});
