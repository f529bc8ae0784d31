/**
 * Chinese surnames, one list for every byline reader. A surname is the only evidence that a few
 * Han characters name a person where nothing else says "byline": a parenthesis without a role word,
 * where column tags such as （美丽中国）（暖相册） have the same shape, or a name line above an
 * opinion piece.
 *
 * The list is the union of the two lists the OCR and rmrb parsers used to keep (百家姓 plus common
 * modern surnames), except 丛: it is a real surname, but common words start with it, and the OCR
 * reader's pen-name rule (see `trailing-byline.ts`) is the one that admits rare surnames such as
 * 丛 where the page layout says the parenthesis ends an article.
 * Some of the rmrb list's characters also open place names (南京, 海南, 阿克苏): a line holding only
 * （南京） now reads as a byline in the OCR grammar. Neither corpus prints one where a byline could
 * stand (all 8347 rmrb files, the OCR seed pages and the synthetic pages parse as before).
 */
const SINGLE_SURNAMES: ReadonlySet<string> = new Set(
  "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎" +
    "鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平" +
    "黄和穆萧肖尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童" +
    "颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔" +
    "吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰" +
    "秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴" +
    "胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹" +
    "习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾" +
    "辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公晋楚闫法汝鄢涂钦岳帅缑亢况琴商牟佘" +
    "佴墨哈谯笪年爱阳佟言福付覃揭练鲜麦粟庹谌银才代户母战智操豆仝冼植力门信菅伞修来旷兰禤隋邝" +
    "芦苟苑迟官南原栗楼盘位区海朴漆卿初敬普鹿邸辜阿亓赫玉嵩帖畅但由",
);

const COMPOUND_SURNAMES: readonly string[] = [
  "万俟", "司马", "上官", "欧阳", "夏侯", "诸葛", "闻人", "东方", "赫连", "皇甫", "尉迟", "公羊", "澹台",
  "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "公孙", "仲孙", "轩辕", "令狐", "钟离", "宇文",
  "长孙", "慕容", "鲜于", "闾丘", "司徒", "司空", "亓官", "司寇", "子车", "颛孙", "端木", "巫马", "公西",
  "漆雕", "乐正", "壤驷", "公良", "拓跋", "夹谷", "宰父", "谷梁", "段干", "百里", "东郭", "南门", "呼延",
  "归海", "羊舌", "微生", "梁丘", "左丘", "东门", "西门", "南宫", "第五",
];

/** True when the word opens with a listed surname, compound (欧阳) or single (王). */
export function startsWithSurname(word: string): boolean {
  return startsWithCompoundSurname(word) || SINGLE_SURNAMES.has(word.charAt(0));
}

export function startsWithCompoundSurname(word: string): boolean {
  return COMPOUND_SURNAMES.some((surname) => word.startsWith(surname));
}
