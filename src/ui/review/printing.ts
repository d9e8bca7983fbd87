// Printing one part of the page (a chronology, a letter): a print stylesheet hides everything but
// the chosen element, then the browser's own print dialog opens (window.print). Buttons and
// filters marked data-cg-no-print never print.
const STYLE_ID = 'cg-print-style';

const PRINT_CSS = `
@media print {
  html[data-cg-printing] body * { visibility: hidden !important; }
  html[data-cg-printing] [data-cg-print-target],
  html[data-cg-printing] [data-cg-print-target] * { visibility: visible !important; }
  html[data-cg-printing] [data-cg-print-target] {
    position: absolute !important; left: 0; top: 0; width: 100% !important;
    background: #fff !important; color: #000 !important;
  }
  html[data-cg-printing] [data-cg-print-target] [data-cg-no-print] { display: none !important; }
  html[data-cg-printing] a { color: #000 !important; text-decoration: none !important; }
}`;

export function ensurePrintStyle(doc: Document = document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = PRINT_CSS;
  doc.head.append(style);
}

/** Prints only `element` (and what it holds). */
export function printElement(element: HTMLElement, win: Window = window): void {
  const doc = element.ownerDocument;
  ensurePrintStyle(doc);
  const root = doc.documentElement;
  element.setAttribute('data-cg-print-target', '');
  root.setAttribute('data-cg-printing', '');
  const done = () => {
    element.removeAttribute('data-cg-print-target');
    root.removeAttribute('data-cg-printing');
    win.removeEventListener('afterprint', done);
  };
  win.addEventListener('afterprint', done);
  try {
    win.print();
  } finally {
    // Chromium's print() returns when the dialog closes; others fire afterprint.
    setTimeout(done, 0);
  }
}
