import type { EsclScanSettings } from '../escl/escl-xml';

export interface PageRequest {
  settings: EsclScanSettings;
  /** 1-based page number within the job. */
  page: number;
  jobId: string;
}

/** Renders the page a scan "sees": any image sharp reads; the simulator fits it to the request. */
export type PageRenderer = (request: PageRequest) => Promise<Buffer>;

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The simulator's own page: a form-like sheet in large type that OCR can read back, so a demo
 * shows the whole path from scan to proposed fields without paper.
 */
export const defaultPageRenderer: PageRenderer = async ({ settings, page, jobId }) => {
  const px = (mm: number) => Math.max(1, Math.round((mm / 25.4) * settings.resolution));
  const width = px(settings.region.width);
  const height = px(settings.region.height);
  const unit = width / 100;
  const lines = ['通办模拟扫描仪', `第 ${page} 页`, `来源：${settings.source === 'adf' ? '自动进纸器' : '平板'}`, `分辨率：${settings.resolution} dpi`, `作业：${jobId.slice(0, 8)}`];
  const text = lines
    .map((line, i) => `<text x="${8 * unit}" y="${(14 + i * 9) * unit}" font-family="Noto Sans CJK SC, sans-serif" font-size="${(i === 0 ? 6 : 4.5) * unit}" fill="#111">${escapeXml(line)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#fbfaf6"/><rect x="${4 * unit}" y="${4 * unit}" width="${92 * unit}" height="${height - 8 * unit}" fill="none" stroke="#c0392b" stroke-width="${0.4 * unit}"/>${text}</svg>`;
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(svg)).png().toBuffer();
};

/** Fits a rendered page to the requested area, resolution, colour mode and file format. */
export async function encodePage(image: Buffer, settings: EsclScanSettings): Promise<{ data: Buffer; mimeType: string }> {
  const px = (mm: number) => Math.max(1, Math.round((mm / 25.4) * settings.resolution));
  // sharp loads with the first simulated scan, not with the terminal that hosts the simulator.
  const { default: sharp } = await import('sharp');
  let pipeline = sharp(image).flatten({ background: '#ffffff' }).resize(px(settings.region.width), px(settings.region.height), { fit: 'contain', background: '#ffffff' });
  if (settings.mode === 'grey') pipeline = pipeline.greyscale().toColourspace('b-w');
  if (settings.mode === 'lineart') pipeline = pipeline.greyscale().threshold(160).toColourspace('b-w');
  pipeline = pipeline.withDensity(settings.resolution);
  if (settings.mimeType === 'image/png') return { data: await pipeline.png().toBuffer(), mimeType: 'image/png' };
  return { data: await pipeline.jpeg({ quality: 85 }).toBuffer(), mimeType: 'image/jpeg' };
}
