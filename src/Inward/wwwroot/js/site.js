// Progressive enhancement only: every form also works without this file.
document.querySelectorAll('select[data-autosubmit]').forEach((select) => {
  const button = select.form.querySelector('button[type=submit]');
  if (button) button.hidden = true;
  select.addEventListener('change', () => select.form.requestSubmit());
});
document.querySelectorAll('[data-confirm]').forEach((el) => {
  el.addEventListener('click', (e) => {
    if (!window.confirm(el.dataset.confirm)) e.preventDefault();
  });
});
// The menu is open without JavaScript; on a phone it starts folded.
const menu = document.querySelector('details.menu');
if (menu && window.matchMedia('(max-width: 760px)').matches) menu.open = false;
// One menu group open at a time, and a click elsewhere folds it (the groups open and close without this too).
const groups = document.querySelectorAll('.menu .submenu details');
groups.forEach((group) => group.addEventListener('toggle', () => {
  if (group.open) groups.forEach((other) => { if (other !== group) other.open = false; });
}));
document.addEventListener('click', (e) => {
  groups.forEach((group) => { if (group.open && !group.contains(e.target)) group.open = false; });
});
