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
 * Each language is its own chunk, fetched when it is first needed: a visitor downloads the texts of
 * the language they read, not both, before the first paint.
 */
const bundles: Readonly<Record<Language, () => Promise<{ default: Record<string, unknown> }>>> = {
  'zh-CN': () => import('./zh-CN.json'),
  en: () => import('./en.json'),
};

async function loadLanguage(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', (await bundles[language]()).default);
}

/** Loads the remembered (or default) language's texts; the app renders once this resolves. */
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
  await loadLanguage(language);
  applyLanguage(language);
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
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

/** The current language, for Intl formatting (money, dates, numbers). */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return isLanguage(instance.language) ? instance.language : defaultLanguage;
}
