import type { Plan } from './api';

/** The illness's name in the language shown, from the plan's list; its code when the plan has no such entry. */
export function illnessName(plans: readonly Plan[] | undefined, plan_id: string, code: string, language: string): string {
  const illness = plans?.find((plan) => plan.id === plan_id)?.illnesses.find((entry) => entry.code === code);
  if (illness === undefined) return code;
  return language === 'en' ? illness.name_en : illness.name_zh;
}

export function planName(plans: readonly Plan[] | undefined, plan_id: string, language: string): string {
  const plan = plans?.find((entry) => entry.id === plan_id);
  if (plan === undefined) return plan_id;
  return language === 'en' ? plan.name_en : plan.name_zh;
}
