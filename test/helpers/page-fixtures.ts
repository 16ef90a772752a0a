// Response pages as the consultation site saves them, made in code from a
// template modelled on a government consultation page: skip link, site header
// and menu, breadcrumbs, a cookie banner, the sender as the page heading, the
// date, the response with question headings, the attachment list, a share
// bar, the site footer and scripts (analytics, one that would rewrite the page).
export interface PageInput {
  sender: string;
  /** As shown on the page: «12.03.2024», «2024-03-12», or null for no date. */
  date: string | null;
  /** How the date is marked up. */
  dateStyle?: 'time' | 'label' | 'meta';
  /** Question headings (h2) with their answer paragraphs. */
  sections: { heading: string; paragraphs: string[] }[];
  attachments?: { name: string; file: string }[];
  title?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function dateMarkup(date: string | null, style: PageInput['dateStyle']): string {
  if (!date) return '';
  if (style === 'label') return `<p class="article-meta"><span class="label">Innsendt:</span> ${esc(date)}</p>`;
  if (style === 'meta') return '';
  const iso = /^\d{4}-/.test(date) ? date : date.split('.').reverse().join('-');
  return `<p class="article-meta">Dato: <time datetime="${iso}">${esc(date)}</time></p>`;
}

export function responsePage(input: PageInput): string {
  const attachments = input.attachments ?? [];
  const metaDate = input.dateStyle === 'meta' && input.date ? `<meta property="article:published_time" content="${esc(input.date)}T10:15:00+01:00">` : '';
  return `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<title>${esc(input.title ?? `Høringssvar fra ${input.sender}`)} - regjeringen.no</title>
${metaDate}
<link rel="stylesheet" href="/css/main.css">
<script src="https://www.googletagmanager.com/gtag/js?id=UA-000"></script>
<script>window.dataLayer=[];document.write('<h1>Injisert av skript</h1>');fetch('https://tracker.example/collect');</script>
<style>.cookie-banner{position:fixed}</style>
</head>
<body>
<a class="skip-link" href="#main">Hopp til hovedinnhold</a>
<div id="cookie-consent" class="cookie-banner" role="dialog">
  <p>Vi bruker informasjonskapsler (cookies) for å forbedre nettstedet. Les mer i vår personvernerklæring.</p>
  <button>Godta alle</button><button>Bare nødvendige</button>
</div>
<header class="site-header">
  <a href="/" class="logo">Regjeringen.no</a>
  <nav class="main-menu" aria-label="Hovedmeny">
    <ul><li><a href="/tema">Tema</a></li><li><a href="/dokumenter">Dokumenter</a></li><li><a href="/aktuelt">Aktuelt</a></li><li><a href="/departementer">Departementene</a></li></ul>
  </nav>
  <form class="search" action="/sok"><input name="term" placeholder="Søk"><button>Søk</button></form>
</header>
<div class="breadcrumbs"><a href="/">Forsiden</a> › <a href="/dokumenter">Dokumenter</a> › <a href="/horinger">Høringer</a></div>
<main id="main">
  <article class="article">
    <p class="article-type">Høringssvar</p>
    <h1>${esc(input.sender)}</h1>
    ${dateMarkup(input.date, input.dateStyle)}
    <div class="article-body">
${input.sections.map((s) => `      <h2>${esc(s.heading)}</h2>\n${s.paragraphs.map((p) => `      <p>${esc(p)}</p>`).join('\n')}`).join('\n')}
    </div>
${
  attachments.length > 0
    ? `    <div class="vedlegg">
      <h2>Vedlegg</h2>
      <ul>${attachments.map((a) => `<li><a href="/contentassets/abc123/${esc(a.file)}">${esc(a.name)}</a> (pdf, 120 kB)</li>`).join('')}</ul>
    </div>`
    : ''
}
    <div class="share-page"><a href="https://www.facebook.com/sharer">Del på Facebook</a> <a href="mailto:?subject=Høringssvar">Del på e-post</a></div>
  </article>
  <aside class="related"><h2>Relatert</h2><ul><li><a href="/horing">Høring om endringer i kommuneloven</a></li></ul></aside>
</main>
<footer class="site-footer">
  <p>Ansvarlig redaktør: Kommunikasjonsavdelingen. Org.nr. 972 417 858.</p>
  <ul><li><a href="/personvern">Personvern</a></li><li><a href="/tilgjengelighet">Tilgjengelighetserklæring</a></li><li><a href="/kontakt">Kontakt oss</a></li></ul>
</footer>
<script>document.body.innerHTML = '<p>Skriptet har kjørt</p>';</script>
</body>
</html>
`;
}
