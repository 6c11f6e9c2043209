/** The dashboard's one stylesheet, served at /gaya.css (CSP allows styles from 'self' only). */
export const STYLESHEET = `
:root { --ink:#1d2430; --muted:#5b6675; --line:#d9dee5; --bg:#f5f7fa; --card:#fff; --accent:#0b5cad; --open:#c0392b; --ok:#1e8449; --warn:#b9770e; }
* { box-sizing: border-box; }
body { margin:0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color:var(--ink); background:var(--bg); }
header { display:flex; flex-wrap:wrap; align-items:center; gap:.5rem 1.25rem; padding:.6rem 1.25rem; background:#102a43; color:#fff; }
header a { color:#fff; text-decoration:none; }
header .brand { font-weight:700; font-size:1.1rem; margin-right:.5rem; }
header nav { display:flex; flex-wrap:wrap; gap:.25rem .9rem; flex:1; }
header nav a { padding:.2rem 0; border-bottom:2px solid transparent; }
header nav a.here { border-bottom-color:#fff; }
header .who { font-size:.85rem; opacity:.85; }
header form { margin:0; }
header button { background:transparent; color:#fff; border:1px solid #8aa4c0; border-radius:4px; padding:.2rem .6rem; cursor:pointer; }
main { max-width:1200px; margin:0 auto; padding:1rem 1.25rem 2rem; }
h1 { font-size:1.45rem; margin:.4rem 0 1rem; }
h2 { font-size:1.1rem; margin:1.6rem 0 .6rem; }
a { color:var(--accent); }
.notice { padding:.6rem .9rem; border-radius:6px; background:#e8f1fb; border:1px solid #b6d0ee; margin:0 0 1rem; }
.notice.bad { background:#fdecea; border-color:#f5c6c0; }
.cards { display:grid; grid-template-columns:repeat(auto-fill, minmax(150px, 1fr)); gap:.75rem; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:.7rem .9rem; }
.card .n { font-size:1.6rem; font-weight:700; }
.card .l { color:var(--muted); font-size:.85rem; }
.card.open .n { color:var(--open); }
.grid2 { display:grid; grid-template-columns:repeat(auto-fit, minmax(min(420px, 100%), 1fr)); gap:1rem; }
.panel { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:.8rem 1rem; min-width:0; }
.panel h2 { margin-top:0; }
main > section.panel, .grid2 + section.panel { margin-top:1rem; }
table { border-collapse:collapse; width:100%; background:var(--card); }
th, td { text-align:left; padding:.4rem .55rem; border-bottom:1px solid var(--line); vertical-align:top; overflow-wrap:break-word; }
th { font-size:.8rem; text-transform:uppercase; letter-spacing:.03em; color:var(--muted); background:#eef1f5; }
td.num, th.num { text-align:right; }
tr.total td { font-weight:600; }
.tablewrap { border:1px solid var(--line); border-radius:8px; }
.status { display:inline-block; padding:.05rem .45rem; border-radius:10px; font-size:.8rem; background:#eef1f5; }
.status.open { background:#fdecea; color:var(--open); }
.status.left { background:#e9f7ef; color:var(--ok); }
.status.exempted { background:#fef5e7; color:var(--warn); }
.muted { color:var(--muted); }
.excerpt { white-space:pre-wrap; word-break:break-word; }
form.filters { display:flex; flex-wrap:wrap; gap:.5rem .8rem; align-items:flex-end; margin:0 0 1rem; }
.tablewrap + form.filters { margin-top:.8rem; }
form.filters label, form.stack label { display:flex; flex-direction:column; font-size:.8rem; color:var(--muted); gap:.15rem; }
form.stack { display:flex; flex-direction:column; gap:.6rem; max-width:520px; }
input, select, textarea { font:inherit; max-width:100%; padding:.3rem .45rem; border:1px solid #b8c1cc; border-radius:4px; background:#fff; color:var(--ink); }
textarea { min-height:4.5rem; }
button, .button { font:inherit; padding:.35rem .8rem; border-radius:4px; border:1px solid var(--accent); background:var(--accent); color:#fff; cursor:pointer; text-decoration:none; display:inline-block; }
button.secondary, .button.secondary { background:#fff; color:var(--accent); }
button.danger { background:var(--open); border-color:var(--open); }
form.inline { display:inline; margin:0; }
.pager { display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:center; margin:.6rem 0; }
.buttons { display:flex; flex-wrap:wrap; gap:.5rem; }
dl.facts { display:grid; grid-template-columns:max-content minmax(0, 1fr); gap:.3rem 1rem; margin:0; }
dl.facts dt { color:var(--muted); }
dl.facts dd { margin:0; overflow-wrap:anywhere; }
ul.problems { margin:.4rem 0; }
.chart { width:100%; height:auto; }
footer { max-width:1200px; margin:0 auto; padding:0 1.25rem 2rem; color:var(--muted); font-size:.8rem; }
.login { max-width:560px; margin:12vh auto; overflow-wrap:anywhere; background:#fff; border:1px solid var(--line); border-radius:10px; padding:1.5rem 1.75rem; }
/* Phones: narrower margins, one column of facts, and every table row as a card of "label: value" lines. */
@media (max-width: 700px) {
  header { padding:.5rem .75rem; gap:.35rem .9rem; }
  main { padding:.75rem .75rem 1.5rem; }
  footer { padding:0 .75rem 1.5rem; }
  .panel { padding:.6rem .55rem; }
  .login { margin:1rem .75rem; padding:1rem; }
  dl.facts { grid-template-columns:minmax(0, 1fr); gap:0; }
  dl.facts dt { margin-top:.45rem; font-size:.85rem; }
  form.filters > label, form.filters input, form.filters select { width:100%; }
  .tablewrap { border:0; }
  .tablewrap table, .tablewrap tbody, .tablewrap tr, .tablewrap td { display:block; width:100%; }
  .tablewrap thead { display:none; }
  .tablewrap tr { border:1px solid var(--line); border-radius:8px; margin:0 0 .6rem; background:var(--card); }
  .tablewrap td { display:grid; grid-template-columns:minmax(6.5rem, 35%) minmax(0, 1fr); gap:.6rem; border-bottom:1px solid #eef1f5; }
  .tablewrap td:last-child { border-bottom:0; }
  .tablewrap td::before { content:attr(data-label); color:var(--muted); font-size:.8rem; }
  .tablewrap td.num { text-align:left; }
}
`;
