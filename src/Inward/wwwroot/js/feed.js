// Infinite paging for lists with an "Older posts" link marked data-infinite="#list": when the link scrolls into view,
// the next page is fetched and its items appended; without JavaScript the link simply opens the next page.
(() => {
  const link = document.querySelector('a[data-infinite]');
  if (!link || !('IntersectionObserver' in window)) return;
  const list = document.querySelector(link.dataset.infinite);
  let loading = false;
  const observer = new IntersectionObserver(async (entries) => {
    if (loading || !entries.some((e) => e.isIntersecting)) return;
    loading = true;
    try {
      const response = await fetch(link.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
      if (!response.ok) throw new Error(String(response.status));
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const items = page.querySelector(link.dataset.infinite);
      if (items) list.append(...Array.from(items.children).map((li) => document.importNode(li, true)));
      const next = page.querySelector('a[data-infinite]');
      if (next) {
        link.href = next.href;
      } else {
        observer.disconnect();
        link.closest('p')?.remove();
      }
    } catch {
      observer.disconnect(); // leave the plain link working
    } finally {
      loading = false;
    }
  });
  observer.observe(link);
})();
