/* StructureCMS Comments: frames the comments of each div[data-structurecms-comments]
   (data-url: the page's canonical URL) and sizes the frame to its content. */
(function () {
  var me = document.currentScript;
  if (!me) return;
  var origin = new URL(me.src).origin;
  var frames = [];

  function mount() {
    document.querySelectorAll('div[data-structurecms-comments]:not([data-structurecms-mounted])').forEach(function (div) {
      div.setAttribute('data-structurecms-mounted', '');
      var link = document.querySelector('link[rel=canonical]');
      var page = div.getAttribute('data-url') || (link && link.href) || location.href;
      try {
        page = new URL(page, location.href);
        page.hash = '';
      } catch (e) {}
      var src = origin + '/comments/embed?url=' + encodeURIComponent(page);
      var title = encodeURIComponent((div.getAttribute('data-title') || document.title).slice(0, 100));
      if (src.length + title.length < 1900) src += '&title=' + title;
      // A permalink (?comment=<id>) shows that thread first.
      var linked = /[?&]comment=(\d{1,12})(&|$)/.exec(location.search);
      if (linked) src += '&comment=' + linked[1];
      var frame = document.createElement('iframe');
      frame.src = src;
      frame.title = 'Comments';
      frame.loading = 'lazy';
      frame.style.cssText = 'display:block;width:100%;height:150px;border:0';
      div.appendChild(frame);
      frames.push(frame);
    });
  }

  addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== 'structurecms-comments:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !(height >= 0 && height <= 1e5)) return;
    frames.forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = Math.ceil(height) + 'px';
    });
  });

  mount();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
})();
