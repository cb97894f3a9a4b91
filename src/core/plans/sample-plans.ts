import type { PlanRulesJson } from './plan-rules.js';

/** The short list of covered critical illnesses that the sample plans ship (codes are Huzhu's own). */
export const sampleIllnesses = [
  { code: 'CI-01', name_zh: '恶性肿瘤', name_en: 'Malignant tumour (cancer)' },
  { code: 'CI-02', name_zh: '急性心肌梗塞', name_en: 'Acute myocardial infarction' },
  { code: 'CI-03', name_zh: '脑中风后遗症', name_en: 'Sequelae of stroke' },
  { code: 'CI-04', name_zh: '重大器官移植术或造血干细胞移植术', name_en: 'Major organ or haematopoietic stem cell transplant' },
  { code: 'CI-05', name_zh: '冠状动脉搭桥术', name_en: 'Coronary artery bypass surgery' },
  { code: 'CI-06', name_zh: '终末期肾病', name_en: 'End-stage renal disease' },
  { code: 'CI-07', name_zh: '多个肢体缺失', name_en: 'Loss of multiple limbs' },
  { code: 'CI-08', name_zh: '急性重症肝炎', name_en: 'Acute fulminant hepatitis' },
  { code: 'CI-09', name_zh: '良性脑肿瘤', name_en: 'Benign brain tumour' },
  { code: 'CI-10', name_zh: '慢性肝功能衰竭失代偿期', name_en: 'Decompensated chronic liver failure' },
  { code: 'CI-11', name_zh: '深度昏迷', name_en: 'Deep coma' },
  { code: 'CI-12', name_zh: '双目失明', name_en: 'Blindness in both eyes' },
  { code: 'CI-13', name_zh: '瘫痪', name_en: 'Paralysis' },
  { code: 'CI-14', name_zh: '心脏瓣膜手术', name_en: 'Heart valve surgery' },
  { code: 'CI-15', name_zh: '严重阿尔茨海默病', name_en: 'Severe Alzheimer’s disease' },
  { code: 'CI-16', name_zh: '严重帕金森病', name_en: 'Severe Parkinson’s disease' },
  { code: 'CI-17', name_zh: '严重Ⅲ度烧伤', name_en: 'Severe third-degree burns' },
  { code: 'CI-18', name_zh: '重型再生障碍性贫血', name_en: 'Severe aplastic anaemia' },
  { code: 'CI-19', name_zh: '主动脉手术', name_en: 'Aortic surgery' },
  { code: 'CI-20', name_zh: '严重运动神经元病', name_en: 'Severe motor neurone disease' },
] as const;

const healthQuestions = [
  { code: 'HQ-CANCER', text_zh: '您是否曾被诊断患有恶性肿瘤？', text_en: 'Have you ever been diagnosed with a malignant tumour?' },
  { code: 'HQ-HEART', text_zh: '您是否患有心脏病、脑血管疾病或肾功能不全？', text_en: 'Do you have heart disease, cerebrovascular disease or kidney failure?' },
  { code: 'HQ-HOSPITAL', text_zh: '过去两年内您是否因病住院超过7天或被建议住院治疗？', text_en: 'In the past two years, were you in hospital for more than 7 days or advised to be admitted?' },
  { code: 'HQ-CLAIM', text_zh: '您是否曾获得过重大疾病保险赔付或互助金？', text_en: 'Have you ever received a critical illness insurance payout or mutual aid?' },
];

/** The reference plan of DESIGN.md: post-paid, 30 days to 59 years, 300,000 / 100,000 CNY. */
export const criticalIllnessPlan = {
  id: 'critical-illness',
  name_zh: '大病互助计划',
  name_en: 'Critical illness mutual aid plan',
  rules: {
    currency: 'CNY',
    join_age: { min_days: 30, min_years: 0, max_years: 59 },
    aid_bands: [
      { max_age_years: 39, aid_minor: '30000000' },
      { max_age_years: 130, aid_minor: '10000000' },
    ],
    illnesses: [...sampleIllnesses],
    health_questions: healthQuestions,
    waiting_days: 90,
    fee_bps: 800,
    caps: { per_case_minor: '10', per_year_minor: '18800', policy: 'backstop' },
    schedule: { notice_days_of_month: [7, 21], collection_days_of_month: [14, 28] },
    funding: { model: 'post_paid', retry_until_days_before_next: 2 },
    claim_window_days: 180,
    notice_days: 7,
    jury: { quorum_votes: 1000, quorum_share_bps: 1000, majority_bps: 5000, on_tie: 'reject', on_missed_quorum: 'operator_decides' },
    share_weights: null,
    max_aids_per_member: 1,
    family_enrollment: true,
  },
} as const satisfies { id: string; name_zh: string; name_en: string; rules: PlanRulesJson };

/** The senior plan: prepaid wallets, 60 to 70, cancer only, 100,000 CNY. */
export const seniorCancerPlan = {
  id: 'senior-cancer',
  name_zh: '老年防癌互助计划',
  name_en: 'Senior cancer mutual aid plan',
  rules: {
    currency: 'CNY',
    join_age: { min_days: 0, min_years: 60, max_years: 70 },
    aid_bands: [{ max_age_years: 130, aid_minor: '10000000' }],
    illnesses: [sampleIllnesses[0]],
    health_questions: healthQuestions.slice(0, 3),
    waiting_days: 90,
    fee_bps: 800,
    caps: { per_case_minor: '30', per_year_minor: '36000', policy: 'backstop' },
    schedule: { notice_days_of_month: [7, 21], collection_days_of_month: [14, 28] },
    funding: { model: 'prepaid', min_top_up_minor: '1000', max_top_up_minor: '200000', max_wallet_balance_minor: '500000', low_balance_minor: '500', grace_days: 7 },
    claim_window_days: 180,
    notice_days: 7,
    jury: { quorum_votes: 1000, quorum_share_bps: 1000, majority_bps: 5000, on_tie: 'reject', on_missed_quorum: 'operator_decides' },
    share_weights: [
      { max_age_years: 64, weight: 1 },
      { max_age_years: 130, weight: 2 },
    ],
    max_aids_per_member: 1,
    family_enrollment: true,
  },
} as const satisfies { id: string; name_zh: string; name_en: string; rules: PlanRulesJson };

export const samplePlans = [criticalIllnessPlan, seniorCancerPlan] as const;
