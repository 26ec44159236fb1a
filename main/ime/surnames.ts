/**
 * Surnames a name field offers from the first syllable, most common first. The first hundred
 * follow the order of the 2020 national name report of the Ministry of Public Security's
 * household-administration research centre (公安部户政管理研究中心《二〇二〇年全国姓名报告》);
 * the rest are further common single surnames, then compound surnames (复姓), in no rank.
 * Their pinyin is taken by pinyin-pro in surname mode (单 shan, 曾 zeng, 解 xie, 区 ou).
 */
export const SURNAMES: readonly string[] = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常',
  ...'汤康易乔赖文施洪辛柯庄葛左殷俞牛章鲁严倪温芦季包翁关祝樊单兰岳齐梅焦柴车宁冉时邢殷聂霍路尚欧池甘鄢纪房裴简蓝童詹涂阮卓褚屈项解封骆饶苗吉申连耿谷舒伍米艾',
  ...'柳管宫景邬费迟滕盛冷凌晏鞠桂卞宗鲍全杭褚毕郁窦强仇祁阎钮栾戚虞鲜佟乐苟都哈麦巫帅练匡桑邝茅蒲隋凤符荣丛慕',
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙', '宇文', '司徒', '轩辕', '端木', '独孤', '南宫', '西门', '百里',
].filter((surname, index, all) => all.indexOf(surname) === index);
