/**
 * A chart saved as a file: the SVG as drawn, made standalone (namespace,
 * the theme's text colour and background written in, since CSS variables do
 * not travel), or a PNG rendered from it at twice the size.
 */

function standalone(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const style = getComputedStyle(svg);
  const background = getComputedStyle(svg.closest('.chart-panel') ?? document.body).backgroundColor;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('color', style.color);
  copy.style.color = style.color;
  copy.style.fontFamily = style.fontFamily;
  copy.querySelectorAll('[data-brush]').forEach((el) => el.remove());
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background && background !== 'rgba(0, 0, 0, 0)' ? background : '#ffffff');
  copy.insertBefore(bg, copy.querySelector('defs')?.nextSibling ?? copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from the chart's subject: letters, digits and dashes of any script. */
export function chartFileName(subject: string, ext: 'svg' | 'png'): string {
  const base =
    subject
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'chart';
  return `${base}.${ext}`;
}

export function saveSvg(svg: SVGSVGElement, name: string): void {
  download(name, new Blob([standalone(svg)], { type: 'image/svg+xml' }));
}

export async function savePng(svg: SVGSVGElement, name: string): Promise<void> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the chart could not be rendered as an image'));
    // A data: URL, not a blob: one: the page's CSP lets images come from data: only.
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(standalone(svg))}`;
  });
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas');
  context.scale(2, 2);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the chart could not be rendered as an image');
  download(name, blob);
}
