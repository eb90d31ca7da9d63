// The cross-engine checks: each written once, run in every engine that
// `run.mjs` drives over W3C WebDriver (Firefox, WebKit). They cover what
// differs between engines: WebAssembly start-up, history, focus, SVG
// hit-testing, fetches of shards, and the URL codec.
//
// A check gets `t`, a small driver over one WebDriver session (see run.mjs):
//   t.go(path)             open a page under the suite's base URL (`./…` is the seeds, `/alt/…` and `/big/…` the sharded corpora)
//   t.until(what, fn)      retry fn until it returns a truthy value (5 s), else fail naming `what`
//   t.count(css), t.text(css), t.texts(css), t.attr(css, name)
//   t.click(css), t.key(css, keys), t.back(), t.forward(), t.url(), t.exec(fn, ...args)
//   t.dialog()             the open alert or prompt's message, or null; t.acceptDialog() closes it

const SEEDS = './';
const READER = '?doc=china-space-station-welcomes-foreign-astronauts-fm-spokesperson';

const resultCount = (t) => t.text('.result-count');

export const checks = [
  ['the first view renders the cards and the count', async (t) => {
    await t.go(SEEDS);
    await t.until('5 cards', async () => (await t.count('main article.card')) === 5);
    await t.until('the count reads 5 articles', async () => (await resultCount(t)) === '5 articles');
  }],

  ['each URL key alone and combined filters the cards', async (t) => {
    for (const [query, expected] of [
      ['?country=VE', '1 article'],
      ['?country=VE&country=PK', '2 articles'],
      ['?country=ve,pk', '2 articles'],
      ['?year=2022', '3 articles'],
      ['?year=2022&source=xinhua', '2 articles'],
      ['?year=2022&source=xinhua&speaker=xi-jinping', '1 article'],
      ['?place=Haikou', '1 article'],
      ['?q=lunar', '2 articles'],
    ]) {
      await t.go(SEEDS + query);
      await t.until(`${query} gives ${expected}`, async () => (await resultCount(t)) === expected);
    }
    await t.go(SEEDS + '?view=quotes&speaker=wang-wenbin');
    await t.until('4 quotations by Wang Wenbin', async () => (await t.count('blockquote[data-quote]')) === 4);
  }],

  ['a facet click pushes history; Back and Forward restore it', async (t) => {
    await t.go(SEEDS);
    await t.until('the cards', async () => (await t.count('main article.card')) === 5);
    await t.click('#filters fieldset[data-facet="year"] li input');
    await t.until('the year filter in the URL', async () => /\?year=\d{4}$/.test(await t.url()));
    const filtered = await resultCount(t);
    await t.back();
    await t.until('Back restores 5 articles', async () => (await resultCount(t)) === '5 articles');
    await t.until('and unchecks the box', async () =>
      !(await t.exec(() => document.querySelector('#filters fieldset[data-facet="year"] li input').checked)));
    await t.forward();
    await t.until('Forward restores the filter', async () => (await resultCount(t)) === filtered);
  }],

  ['Back from the reader restores the list and its scroll position', async (t) => {
    await t.go(SEEDS + '?year=2022');
    await t.until('the cards', async () => (await resultCount(t)) === '3 articles');
    // Instantly (the style may ask for smooth scrolling), and wait for the
    // scroll event: the app keeps the position of the last one.
    const scrolled = await t.exec(() => {
      window.__crossScrolled = false;
      window.addEventListener('scroll', () => { window.__crossScrolled = true; }, { once: true });
      window.scrollTo({ top: 300, behavior: 'instant' });
      return window.scrollY;
    });
    if (scrolled < 200) throw new Error(`the page did not scroll (scrollY ${scrolled})`);
    await t.until('the scroll event', () => t.exec(() => window.__crossScrolled));
    // A real click (WebKit skips, on Back, history entries that a script
    // made without a user's click), on a title already in view: a WebDriver
    // click first scrolls its target into view, which would move the very
    // position this checks.
    const inView = await t.exec(() => {
      const links = [...document.querySelectorAll('main article.card h2 a')];
      const link = links.find((a) => {
        const r = a.getBoundingClientRect();
        return r.top > 40 && r.bottom < window.innerHeight - 40;
      });
      link?.setAttribute('data-cross-target', '');
      return Boolean(link);
    });
    if (!inView) throw new Error('no card title in view at this scroll position');
    await t.click('[data-cross-target]');
    // The app writes history once the frame is painted: wait for the address.
    await t.until('the reader in the address', async () => /doc=/.test(await t.url()));
    await t.back();
    await t.until('the list again', async () => (await resultCount(t)) === '3 articles');
    await t.until('its scroll position', async () => (await t.exec(() => window.scrollY)) > 200).catch(async (e) => {
      const [y, height, inner, restoration] = await t.exec(() =>
        [window.scrollY, document.documentElement.scrollHeight, window.innerHeight, history.scrollRestoration]);
      throw new Error(`${e.message}: scrollY ${y}, height ${height}, viewport ${inner}, restoration ${restoration}`);
    });
  }],

  ['keyboard only: Space toggles a focused facet', async (t) => {
    await t.go(SEEDS);
    await t.until('the cards', async () => (await t.count('main article.card')) === 5);
    await t.exec(() => document.querySelector('#filters fieldset[data-facet="year"] li input').focus());
    await t.key('#filters fieldset[data-facet="year"] li input', ' ');
    await t.until('the year filter applies', async () => /\?year=\d{4}$/.test(await t.url()));
    await t.until('focus stays on the checkbox', async () =>
      t.exec(() => document.activeElement?.matches('#filters fieldset[data-facet="year"] li input') ?? false));
  }],

  ['search highlights its words in the cards', async (t) => {
    await t.go(SEEDS + '?q=lunar');
    await t.until('marks in the cards', async () => (await t.count('main article mark')) > 0);
    const marks = await t.texts('main article mark');
    if (!marks.every((m) => m.toLowerCase() === 'lunar')) throw new Error(`marks: ${JSON.stringify(marks)}`);
  }],

  ['the reader highlights quote= and scrolls it into view', async (t) => {
    await t.go(SEEDS + READER + '&quote=2');
    await t.until('the reader title', async () => (await t.text('#reader-title')).startsWith('China Space Station'));
    await t.until('the current quotation', async () => (await t.count('.reader-body [data-quote="2"].current')) === 1);
    await t.until('it is in the viewport', async () => t.exec(() => {
      const r = document.querySelector('.reader-body [data-quote="2"]').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight + 1;
    }));
  }],

  ['a click on the map toggles its country', async (t) => {
    await t.go(SEEDS + '?view=countries');
    await t.until('the map', async () => (await t.count('.map [data-country="VE"]')) > 0);
    await t.click('.map [data-country="VE"]');
    await t.until('country=VE in the URL', async () => /country=VE/.test(await t.url()));
    await t.click('.map [data-country="VE"]');
    await t.until('and out again', async () => !/country=VE/.test(await t.url()));
  }],

  ['a sharded article is fetched and shown', async (t) => {
    await t.go('/alt/?doc=kenya-and-peru-share-a-weather-satellite&quote=1');
    await t.until('the fetched text', async () => (await t.text('.reader-body')).includes('The first images of the coast of Peru'));
    await t.until('its quotation marked', async () =>
      (await t.attr('.reader-body [data-quote="1"]', 'data-speaker')) === 'Amina Otieno');
  }],

  ['a large corpus: the first view from the app, then facets, a search and a deep link from its parts', async (t) => {
    await t.go('/big/');
    await t.until('15 cards of 400', async () =>
      (await t.count('main article.card')) === 15 && (await resultCount(t)) === '400 articles');
    await t.click('fieldset.facet[data-facet="country"] li:nth-child(2) input');
    await t.until('the facet applied from the fetched facets', async () => /^\d+ articles?$/.test(await resultCount(t))
      && (await resultCount(t)) !== '400 articles' && (await t.count('main article.card')) > 0
      && (await t.count('main article.card-pending')) === 0);
    await t.go('/big/?q=space');
    // Each card of a search comes with its own document: wait for all of them.
    await t.until('a search through fragments of the index', async () =>
      (await t.count('main article.card .snippet mark')) > 0 && (await t.count('main article.card-pending')) === 0);
    const href = await t.attr('main article.card:last-of-type h2 a', 'href');
    await t.go('/big/' + href.slice(href.indexOf('?')).replace(/&?q=[^&]*/, '').replace('?&', '?'));
    await t.until('the article its slug names', async () => (await t.text('.reader-body')).length > 200);
  }],

  ['bad parameters get a notice naming them', async (t) => {
    await t.go(SEEDS + '?country=XX&year=abc&speaker=nobody&doc=nope');
    await t.until('the notice', async () => (await t.count('.notices')) === 1);
    const notice = await t.text('.notices');
    for (const name of ['XX', 'abc', 'nobody', 'nope']) {
      if (!notice.includes(name)) throw new Error(`the notice does not name ${name}: ${notice}`);
    }
    await t.until('the cards still show', async () => (await t.count('main article.card')) === 5);
  }],

  ['Copy link hands over the link: to the clipboard, or in a prompt to copy by hand', async (t) => {
    await t.go(SEEDS + '?country=VE');
    await t.until('the cards', async () => (await resultCount(t)) === '1 article');
    await t.click('button.copy-link');
    let how = null;
    await t.until('the clipboard or the prompt', async () => {
      const message = await t.dialog();
      if (message !== null) {
        how = `prompt: ${message}`;
        await t.acceptDialog();
        return true;
      }
      if ((await t.text('button.copy-link')) === 'Link copied') how = 'clipboard';
      return how !== null;
    });
    t.note(`Copy link used the ${how}`);
  }],

  ['a curator\'s folder: collection, file-name date and the table', async (t) => {
    await t.go('/alt/?collection=wire');
    await t.until('2 articles', async () => (await resultCount(t)) === '2 articles');
    await t.until('the file-name date', async () =>
      (await t.texts('main article .card-meta')).some((m) => m.includes('14 March 2019 (file name)')));
  }],

  ['the date range: from and to, and the timeline with the keyboard', async (t) => {
    for (const [query, expected] of [['?from=2022-05&to=2022-12', '2 articles'], ['?from=2022', '4 articles'], ['?to=2021', '1 article']]) {
      await t.go(SEEDS + query);
      await t.until(`${query} gives ${expected}`, async () => (await resultCount(t)) === expected);
    }
    await t.go(SEEDS);
    await t.until('the timeline', async () => (await t.count('.timeline-bars [role="option"]')) === 71);
    // WebDriver's key codes for End and Enter.
    await t.key('.timeline-bars', '\uE010\uE007');
    await t.until('the last month chosen', async () => /\?from=2024-04&to=2024-04$/.test(await t.url()));
    await t.until('1 article', async () => (await resultCount(t)) === '1 article');
    await t.click('.active-filters [data-facet="dates"]');
    await t.until('the chip clears it', async () => (await resultCount(t)) === '5 articles');
  }],

  ['contexts: an exact total, lines, and a line opening the reader at its hit', async (t) => {
    await t.go(SEEDS + '?q=lunar&view=contexts');
    await t.until('the total', async () => /^\d+ lines? in 2 articles$/.test(await resultCount(t)));
    const total = Number((await resultCount(t)).split(' ')[0]);
    await t.until('a line per hit', async () => (await t.count('table.kwic .kwic-hit mark')) === Math.min(total, 25));
    await t.click('table.kwic tbody tr:nth-child(2) .kwic-hit a');
    await t.until('the reader at hit 2', async () => /&hit=2$/.test(await t.url()));
    await t.until('the hit marked', async () => (await t.count('.reader-body mark.current')) >= 1);
    await t.go('/alt/?q=satellite&view=contexts');
    await t.until('sharded lines fetched', async () => (await t.count('table.kwic .kwic-hit mark')) > 0);
  }],
];
