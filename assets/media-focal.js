// Media library: click on a picture to set its focal point (the x/y inputs stay the source of truth).
for (const form of document.querySelectorAll('.media-focal')) {
  const picker = form.querySelector('[data-focal-picker]');
  const marker = form.querySelector('.media-focal-marker');
  const x = form.querySelector('[data-focal="x"]');
  const y = form.querySelector('[data-focal="y"]');
  if (!picker || !marker || !x || !y) continue;
  const show = () => {
    marker.style.left = `${Number(x.value) * 100}%`;
    marker.style.top = `${Number(y.value) * 100}%`;
    marker.hidden = false;
  };
  picker.addEventListener('click', (event) => {
    const box = picker.getBoundingClientRect();
    x.value = Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1).toFixed(2);
    y.value = Math.min(Math.max((event.clientY - box.top) / box.height, 0), 1).toFixed(2);
    show();
  });
  x.addEventListener('input', show);
  y.addEventListener('input', show);
  show();
}
