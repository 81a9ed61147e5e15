import { MEDIA_URL_PATTERN } from '@/lib/media/urls';

/**
 * Clipboard HTML from Microsoft Word, made into the plain structure the editor understands.
 * Word writes lists as paragraphs styled `mso-list:l0 level1 lfo1` with the bullet as text in a
 * `mso-list:Ignore` span, so without this a list arrives as lines starting with "·". Its own
 * markup (`<o:p>`, conditional comments, classes and styles) is dropped; the editor's schema and
 * the server's sanitiser drop anything else it does not know.
 */
export function cleanPastedHtml(html: string): { html: string; droppedImages: number } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;

  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  for (const element of Array.from(body.querySelectorAll('o\\:p, style, script, meta, link, xml'))) element.remove();

  // Only images already in the library can be kept (the sanitiser allows /media/ only): count the
  // others so the person is told, instead of losing them without a word.
  let droppedImages = 0;
  for (const image of Array.from(body.querySelectorAll('img, v\\:imagedata'))) {
    if (!MEDIA_URL_PATTERN.test(image.getAttribute('src') ?? '')) {
      droppedImages += 1;
      image.remove();
    }
  }

  convertWordLists(doc);
  markHeaderRows(doc);

  // Word's own headings start at h1; the article's title is the page's only h1.
  for (const heading of Array.from(body.querySelectorAll('h1, h4, h5, h6'))) {
    const replacement = doc.createElement(heading.tagName === 'H1' ? 'h2' : 'h3');
    replacement.append(...Array.from(heading.childNodes));
    heading.replaceWith(replacement);
  }
  return { html: body.innerHTML, droppedImages };
}

/**
 * Word marks a table's header row only by making it bold: a first row whose every cell is bold
 * text becomes header cells, so screen readers announce the column names.
 */
function markHeaderRows(doc: Document) {
  for (const table of Array.from(doc.body.querySelectorAll('table'))) {
    const row = table.querySelector('tr');
    const cells = row ? Array.from(row.children).filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH') : [];
    if (!cells.length || cells.some((cell) => cell.tagName === 'TH')) continue;
    const allBold = cells.every((cell) => {
      const text = cell.textContent?.trim() ?? '';
      const bold = Array.from(cell.querySelectorAll('b, strong'))
        .map((b) => b.textContent ?? '')
        .join('')
        .trim();
      return text !== '' && bold.replace(/\s+/g, '') === text.replace(/\s+/g, '');
    });
    if (!allBold) continue;
    for (const cell of cells) {
      const header = doc.createElement('th');
      for (const name of ['colspan', 'rowspan']) if (cell.hasAttribute(name)) header.setAttribute(name, cell.getAttribute(name)!);
      header.append(...Array.from(cell.childNodes));
      cell.replaceWith(header);
    }
  }
}

function listInfo(paragraph: Element): { level: number; list: string } | null {
  const style = paragraph.getAttribute('style') ?? '';
  const match = /mso-list:\s*(l\d+)\s+level(\d+)/i.exec(style);
  if (!match || /mso-list:\s*Ignore/i.test(style)) return null;
  return { list: match[1]!, level: Number(match[2]) };
}

/** "1.", "a)", "ii." are numbered; "·", "o", "§", "-", "•" are bullets. */
function isOrderedMarker(marker: string): boolean {
  return /^\(?[0-9a-z]{1,4}[.)]$/i.test(marker.replace(/\s| /g, ''));
}

function convertWordLists(doc: Document) {
  const paragraphs = Array.from(doc.body.querySelectorAll('p, h1, h2, h3, h4, h5, h6')).filter((p) => listInfo(p));
  const done = new Set<Element>();
  for (const first of paragraphs) {
    if (done.has(first)) continue;
    // A run of consecutive list paragraphs (whitespace between them aside) is one list.
    const run: Element[] = [first];
    let next = first.nextElementSibling;
    while (next && listInfo(next)) {
      run.push(next);
      next = next.nextElementSibling;
    }
    for (const p of run) done.add(p);

    const stack: { level: number; list: HTMLElement }[] = [];
    let root: HTMLElement | null = null;
    for (const paragraph of run) {
      const { level } = listInfo(paragraph)!;
      const markerElement = paragraph.querySelector('[style*="mso-list"]');
      const marker = markerElement?.textContent?.trim() ?? '';
      markerElement?.remove();
      const item = doc.createElement('li');
      const content = doc.createElement('p');
      content.append(...Array.from(paragraph.childNodes));
      item.append(content);

      while (stack.length && stack[stack.length - 1]!.level > level) stack.pop();
      let top = stack[stack.length - 1];
      if (!top || top.level < level) {
        const list = doc.createElement(isOrderedMarker(marker) ? 'ol' : 'ul');
        if (top) (top.list.lastElementChild ?? top.list).append(list);
        else root = list;
        top = { level, list };
        stack.push(top);
      }
      top.list.append(item);
    }
    if (root) first.before(root);
    for (const p of run) p.remove();
  }
}
