/**
 * Imported HTML is sanitized when it is imported; the renderer sanitizes it
 * again before inserting it (defence in depth: a library file can come from
 * elsewhere, or from an older Mizan). Nothing that runs, loads or submits
 * survives; images only as data: URLs (Mizan is offline and its CSP would
 * refuse the rest); links open outside the app.
 */
import DOMPurify from 'dompurify';

let purifier: ReturnType<typeof DOMPurify> | null = null;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'IMG') {
      const src = node.getAttribute('src') ?? '';
      if (!/^data:image\/(png|jpe?g|gif|webp);/i.test(src)) node.removeAttribute('src');
    }
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!/^https?:\/\//i.test(href)) node.removeAttribute('href');
      else {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    }
  });
  purifier = p;
  return p;
}

export function sanitizeArticleHtml(html: string): string {
  return getPurifier().sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: [
      'style',
      'script',
      'iframe',
      'frame',
      'object',
      'embed',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'link',
      'meta',
      'base',
      'svg',
      'math',
      'video',
      'audio',
      'source',
      'picture',
    ],
    FORBID_ATTR: ['style', 'srcset', 'class', 'id', 'action', 'formaction', 'background', 'ping'],
    ALLOW_DATA_ATTR: false,
  });
}
