import { SURNAMES } from '../../main/ime/surnames';

/**
 * Common name characters for the handwriting benchmark: every single-character surname the
 * name field offers, then characters frequent in given names (our own list, of the kind the
 * national name reports publish), without repeats.
 */
const GIVEN =
  '英华玉秀明丽兰芳军平国红林建文志海春金德霞成宝云荣新梅燕凤永生清小俊杰晓东伟峰强刚勇辉浩宇轩涛斌波超鹏飞龙亮磊鑫宏洪立庆雪婷静敏慧娟琳颖倩洁雅淑娜莉萍琴艳芬桂珍娥玲翠花月香菊莲彩素珠琼瑶佳怡欣悦涵梓萱子诗琪思彤雨晨一诺依嘉可馨心妍语若汐博睿哲皓泽宸铭昊然逸豪翔墨煜天佑安乐康福寿喜仁义礼智信忠孝廉勤俭良善正直毅坚卫民振兴家庭树森松柏桐槐杨柳竹荷桃李杏梨枫叶根苗田丰收年余元亨利贞吉祥瑞麟鸿鹤鹰雁莺鹃蝶彬炳焕烨炜灿耀光煌晶莹璐瑾瑜琦璇璋珺珊琛玮珏山川江河湖波涛泉源洋海岩石峰岭冬夏秋春晴阳旭日星辰朝霞虹雯露霜冰雪风云电雷红绿青蓝紫丹彤赤白黑金银铜铁钢锋锐铭鑫钰钧锦绣绮纯维纳娴婉婕妮娇媛婷姗嫣姿秀丽美艳惠贤淑德娟静怡欣悦乐喜庆祥和平安宁静康健寿福禄贵富荣华昌盛茂兴旺达通顺利成功胜捷凯旋威武雄伟壮强毅勇敢忠诚信实真善美爱思念想望希盼远航志向理想明智聪颖慧敏捷灵秀巧';

export function nameCharacters(): string[] {
  const singles = SURNAMES.filter((s) => [...s].length === 1);
  return [...new Set([...singles, ...GIVEN])];
}
