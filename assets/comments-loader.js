/*
 * Loads the comments script (and its stylesheet) only when the reader nears the discussion, or
 * arrives at a linked comment, or moves into it with the keyboard: readers who never scroll that
 * far download none of it, and the server-rendered section works without it meanwhile.
 * The script's URLs are on this script's own tag (data-comments-client, data-comments-css).
 */
const tag = document.querySelector('script[data-comments-client]');
const section = document.querySelector('section.comments[data-story]');
if (tag && section) {
  let observer = null;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    if (observer) observer.disconnect();
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = tag.dataset.commentsCss;
    document.head.append(css);
    import(tag.dataset.commentsClient);
  };
  section.addEventListener('focusin', start, { once: true });
  section.addEventListener('pointerover', start, { once: true });
  if (/^#comment/.test(location.hash) || !('IntersectionObserver' in window)) start();
  else {
    observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), { rootMargin: '1000px 0px' });
    observer.observe(section);
  }
}
