/** A plan's name in the reader's language. */
export function planName(plan: { name_zh: string; name_en: string }, language: string): string {
  return language === 'en' ? plan.name_en : plan.name_zh;
}
