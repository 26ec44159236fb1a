import type { Locale } from '../../../contract/terminal/api';
import type { LocalizedText } from '../../../contract/platform/catalogue';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type { MessageKey };

const tables: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The BCP 47 tag of each locale, for the page's and each element's `lang`. */
export const langTag: Record<Locale, string> = { 'zh-CN': 'zh-CN', en: 'en' };

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return tables[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/**
 * Catalogue content carries its own translations; where a locale is missing, the Chinese
 * text is shown and marked as such, so that assistive technology reads it in Chinese.
 */
export function localized(locale: Locale, text: LocalizedText): { text: string; lang: string } {
  const own = locale === 'en' ? text.en : text['zh-CN'];
  return own ? { text: own, lang: langTag[locale] } : { text: text['zh-CN'], lang: 'zh-CN' };
}

/** Keys that arrive from the terminal (print outcomes, …) are checked before they are shown. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}
