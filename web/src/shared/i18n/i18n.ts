import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

/** Where the chosen language is remembered between visits. */
const storageKey = 'huzhu.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function rememberedLanguage(): Language {
  try {
    const stored = localStorage.getItem(storageKey);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage blocked (private mode): fall through to the default
  }
  return defaultLanguage;
}

export const i18n = i18next.createInstance();

/**
 * Each language is its own chunks, fetched when first needed: the texts of the shell and the home
 * page first (`start`), then every text (`all`) once another page loads or the browser is idle
 * (web/translation-parts.ts). A visitor never downloads the language they do not read.
 */
const bundles: Readonly<Record<Language, { start: () => Promise<{ default: Record<string, unknown> }>; all: () => Promise<{ default: Record<string, unknown> }> }>> = {
  'zh-CN': { start: () => import('virtual:texts/zh-CN/start'), all: () => import('virtual:texts/zh-CN/all') },
  en: { start: () => import('virtual:texts/en/start'), all: () => import('virtual:texts/en/all') },
};

const allLoaded = new Map<Language, Promise<void>>();

// The router starts loading the first page as soon as it is created, which is before startI18n has
// run: every load of texts waits for the start, so it knows the language and i18next is set up.
let markStarted: () => void = () => undefined;
const started = new Promise<void>((resolve) => (markStarted = resolve));

/** Every text of a language (the current one by default), loaded once. */
export async function loadAllTexts(chosen?: Language): Promise<void> {
  await started;
  const language = chosen ?? currentLanguage();
  let loading = allLoaded.get(language);
  if (loading === undefined) {
    loading = bundles[language].all().then((texts) => {
      i18n.addResourceBundle(language, 'translation', texts.default, true, true);
    });
    allLoaded.set(language, loading);
  }
  await loading;
}

function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage;
}

/** Loads the remembered (or default) language's first texts; the app renders once this resolves. */
export async function startI18n(): Promise<void> {
  const language = rememberedLanguage();
  await i18n.use(initReactI18next).init({
    resources: {},
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    partialBundledLanguages: true,
  });
  i18n.addResourceBundle(language, 'translation', (await bundles[language].start()).default, true, false);
  applyLanguage(language);
  markStarted();
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
}
i18n.on('languageChanged', (language) => {
  applyLanguage(language);
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // not remembered, but switched for this visit
  }
});

export async function setLanguage(language: Language): Promise<void> {
  await loadAllTexts(language);
  await i18n.changeLanguage(language);
}

/** The current language, for Intl formatting (money, dates, numbers). */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return isLanguage(instance.language) ? instance.language : defaultLanguage;
}
