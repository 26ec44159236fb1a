import type { ServiceItem } from '../../../contract/platform/catalogue';
import { localized } from '../i18n';
import { useEffect, useState } from 'preact/hooks';
import { Welcome } from '../components/Welcome';
import { LazyKeyboard } from '../keyboard/LazyKeyboard';
import { useApi } from '../state/api-context';
import { useT } from '../i18n/use-t';
import { useSpeak } from '../speech/use-speak';
import { catalogue, identity, locale, screen, selectedCategory, selectedService } from '../state/store';

function ServiceTile({ item }: { item: ServiceItem }) {
  const t = useT();
  const name = localized(locale.value, item.name);
  const summary = localized(locale.value, item.summary);
  const open = () => {
    selectedService.value = item.code;
    screen.value = 'guide';
  };
  return (
    <li>
      <button type="button" class="service-tile" onClick={open} data-service={item.code}>
        <span class={`kind kind-${item.kind}`}>{t(`kind.${item.kind}`)}</span>
        <span class="service-name" lang={name.lang}>
          {name.text}
        </span>
        <span class="service-summary" lang={summary.lang}>
          {summary.text}
        </span>
      </button>
    </li>
  );
}

/** The search box: name or pinyin initials, typed on the on-screen keyboard. */
function useSearch() {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  useEffect(() => {
    if (!query.trim()) {
      setCodes(null);
      return;
    }
    let current = true;
    void api.call('catalogue.search', { query }).then((r) => current && setCodes(r.codes));
    return () => {
      current = false;
    };
  }, [query, api]);
  return { query, setQuery, codes };
}

export function ServiceMenu() {
  const t = useT();
  const { query, setQuery, codes } = useSearch();
  const [searching, setSearching] = useState(false);
  useSpeak('menu.title');
  const current = catalogue.value;
  if (!current) return null;
  const category = selectedCategory.value;
  const items = codes
    ? codes.flatMap((code) => current.items.find((item) => item.code === code) ?? [])
    : current.items.filter((item) => category === null || item.category === category);
  return (
    <main class="screen menu" aria-labelledby="menu-title">
      <Welcome />
      <h1 id="menu-title">{t('menu.title')}</h1>
      {identity.value && (
        <button type="button" class="button secondary main-action" onClick={() => (screen.value = 'check-in')}>
          {t('checkIn.start')}
        </button>
      )}
      {current.demo && <p class="demo-banner">{t('menu.demoCatalogue')}</p>}
      <div class="search-row">
        <label class="visually-hidden" for="service-search">
          {t('menu.search')}
        </label>
        <input
          id="service-search"
          class={`text-field${searching ? ' active' : ''}`}
          inputMode="none"
          autocomplete="off"
          placeholder={t('menu.searchHint')}
          value={query}
          onFocus={() => setSearching(true)}
          onClick={() => setSearching(true)}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        {query && (
          <button type="button" class="button secondary" onClick={() => setQuery('')}>
            {t('menu.clearSearch')}
          </button>
        )}
      </div>
      <div class="categories" role="group" aria-label={t('menu.categories')}>
        <button
          type="button"
          class="button chip"
          aria-pressed={category === null}
          onClick={() => (selectedCategory.value = null)}
        >
          {t('menu.all')}
        </button>
        {current.categories.map((c) => {
          const label = localized(locale.value, c.name);
          return (
            <button
              type="button"
              key={c.code}
              class="button chip"
              lang={label.lang}
              aria-pressed={category === c.code}
              onClick={() => (selectedCategory.value = c.code)}
            >
              {label.text}
            </button>
          );
        })}
      </div>
      {items.length === 0 ? (
        <p class="lead">{codes ? t('menu.noResults') : t('menu.empty')}</p>
      ) : (
        <ul class="service-grid">
          {items.map((item) => (
            <ServiceTile key={item.code} item={item} />
          ))}
        </ul>
      )}
      {searching && <LazyKeyboard mode="letters" value={query} maxLength={40} onChange={setQuery} onDone={() => setSearching(false)} />}
    </main>
  );
}
