import smallCommunity from './scenarios/small-community.json' with { type: 'json' };
import xiangHuBao from './scenarios/xiang-hu-bao.json' with { type: 'json' };

/** The documented scenarios shipped with Huzhu, by name (`huzhu simulate --scenario NAME`). */
export const scenarioCatalog: Readonly<Record<string, unknown>> = {
  'xiang-hu-bao': xiangHuBao,
  'small-community': smallCommunity,
};

export const scenarioNames = Object.keys(scenarioCatalog);
