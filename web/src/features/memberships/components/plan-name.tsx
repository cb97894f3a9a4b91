import { useLanguage } from '../../../shared/i18n/i18n';

/** A plan's name in the reader's language. */
export function usePlanName(): (plan: { name_zh?: string; name_en?: string; plan_name_zh?: string; plan_name_en?: string }) => string {
  const language = useLanguage();
  return (plan) => (language === 'zh-CN' ? (plan.name_zh ?? plan.plan_name_zh ?? '') : (plan.name_en ?? plan.plan_name_en ?? ''));
}
