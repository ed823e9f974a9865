// Real-time notifications, progressive enhancement only: without this file (or without the SignalR client, which the
// build copies from npm into wwwroot/lib) the bell is a plain link and /news a plain page.
(() => {
  const bell = document.querySelector('[data-notification-bell]');
  if (!bell || !window.signalR) return;
  const count = bell.querySelector('[data-bell-count]');
  let unread = Number.parseInt(bell.dataset.unread, 10) || 0;

  const render = () => {
    bell.dataset.unread = String(unread);
    count.textContent = unread > 99 ? '99+' : String(unread);
    count.hidden = unread === 0;
    bell.setAttribute('aria-label', unread === 0 ? bell.dataset.labelNone : bell.dataset.labelSome.replace('{0}', String(unread)));
  };

  // On the feed, a new post offers to show it instead of reshuffling what the reader is looking at.
  const offerNewPosts = () => {
    if (window.location.pathname !== '/news' || document.querySelector('[data-new-posts]')) return;
    const notice = document.createElement('p');
    notice.className = 'notice new-posts';
    notice.setAttribute('role', 'status');
    notice.dataset.newPosts = '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary small';
    button.textContent = bell.dataset.labelNewPosts;
    button.addEventListener('click', () => window.location.assign('/news'));
    notice.append(button);
    const heading = document.querySelector('main h1');
    if (heading) heading.after(notice); else document.querySelector('main')?.prepend(notice);
  };

  // After a lost connection the count may have changed meanwhile: ask the API once.
  const refresh = async () => {
    try {
      const response = await fetch('/api/v1/notifications/unread-count', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok) {
        unread = (await response.json()).unread;
        render();
      }
    } catch {
      // Offline: keep the last count.
    }
  };

  const connection = new window.signalR.HubConnectionBuilder()
    .withUrl('/hubs/notifications')
    .withAutomaticReconnect()
    .configureLogging(window.signalR.LogLevel.None)
    .build();
  connection.on('notified', (notification) => {
    unread += 1;
    render();
    if (notification.kind === 'post' || notification.kind === 'must-read') offerNewPosts();
  });
  connection.onreconnected(refresh);
  connection.start().catch(() => { /* No real-time (e.g. a proxy without WebSockets): the page still works. */ });
})();
