/**
 * The provinces a person's row may name (src/services/members.ts), as an English reader knows
 * them. The API answers with the Chinese name; a name not listed is shown as it came.
 */
const englishNames: Readonly<Record<string, string>> = {
  北京: 'Beijing', 天津: 'Tianjin', 河北: 'Hebei', 山西: 'Shanxi', 内蒙古: 'Inner Mongolia', 辽宁: 'Liaoning', 吉林: 'Jilin',
  黑龙江: 'Heilongjiang', 上海: 'Shanghai', 江苏: 'Jiangsu', 浙江: 'Zhejiang', 安徽: 'Anhui', 福建: 'Fujian', 江西: 'Jiangxi',
  山东: 'Shandong', 河南: 'Henan', 湖北: 'Hubei', 湖南: 'Hunan', 广东: 'Guangdong', 广西: 'Guangxi', 海南: 'Hainan',
  重庆: 'Chongqing', 四川: 'Sichuan', 贵州: 'Guizhou', 云南: 'Yunnan', 西藏: 'Tibet', 陕西: 'Shaanxi', 甘肃: 'Gansu',
  青海: 'Qinghai', 宁夏: 'Ningxia', 新疆: 'Xinjiang', 香港: 'Hong Kong', 澳门: 'Macao', 台湾: 'Taiwan',
};

export function provinceName(province: string, language: string): string {
  return language === 'en' ? (englishNames[province] ?? province) : province;
}
