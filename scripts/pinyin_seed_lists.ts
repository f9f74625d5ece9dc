/**
 * Seed lists for the pinyin candidate index (see build_pinyin_index.ts): the order of each list is the
 * order candidates are offered in. Written for this kiosk; not taken from any other project.
 */

const chars = (text: string): string[] => [...text.replace(/\s+/g, '')];
const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** Common Chinese surnames, most common first (a visitor typing a name needs these early). */
export const SURNAMES = chars(`
王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任
沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔
向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌
毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦
麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩
明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强
帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓
修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植
衡富尧闭由
`);

/** Two-character surnames (复姓) a visitor may type as one. */
export const COMPOUND_SURNAMES = words(`
欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 长孙 司徒 宇文 端木 南宫
`);

/** Characters of transliterated foreign names (马克思, 华尔特): names with one are not Chinese given names. */
export const TRANSLITERATION_CHARACTERS = chars(`
尔斯特拉尼娜莎丝蒂奥伊卡纳索基坦塔萨布普吉诺瓦埃赫罗夫克维亚
`);

/** Words a visitor of a legal-service kiosk is likely to type, most useful first. */
export const KIOSK_WORDS = words(`
法律 援助 法律援助 申请 申请人 律师 公证 咨询 预约 上门 服务 满意 评价 残疾 残疾人 残疾证 盲人 聋人
视力 听力 言语 肢体 智力 精神 多重 等级 类别 身份证 号码 电话 手机 地址 姓名 性别 出生 日期
包头 包头市 内蒙古 呼和浩特 鄂尔多斯 赤峰 通辽 乌海 巴彦淖尔 乌兰察布 呼伦贝尔 锡林郭勒 阿拉善
昆都仑区 青山区 东河区 九原区 石拐区 白云鄂博 土默特右旗 固阳县 达尔罕茂明安联合旗
北京 上海 天津 重庆 中国 人民 政府 法院 检察院 派出所 公安局 司法局 司法所 街道 社区 居委会 村委会
小区 单元 楼 号 室 村 镇 乡 县 区 市 省 旗 盟 路 街 巷
劳动 劳动合同 工资 拖欠 工伤 社会保险 社保 养老 医疗 失业 生育 住房 公积金 低保 最低生活保障 补贴
婚姻 家庭 离婚 结婚 抚养 赡养 扶养 继承 遗产 遗嘱 子女 父母 配偶 老人 孩子 监护 监护人 家暴 家庭暴力
房屋 租房 租赁 买卖 借款 借钱 欠款 债务 合同 赔偿 损害 交通事故 医疗纠纷 人身损害 消费 诈骗
邻居 纠纷 调解 仲裁 诉讼 起诉 上诉 判决 执行 案件 对方 被告 原告 第三人 证据 材料 复印件
经济 困难 收入 没有 工作 无业 农民 工人 退休 学生 手语 盲文 心理 辅导 无障碍 轮椅 拐杖
承诺 真实 签名 确认 同意 不同意 是 否 男 女 汉族 蒙古族 回族 满族 达斡尔族 鄂温克族 鄂伦春族
一 二 三 四 五 六 七 八 九 十 百 千 万
你好 谢谢 您好 请问 帮助 帮忙 需要 不需要 可以 不可以 知道 不知道 明白 清楚 问题 回答
今天 明天 昨天 上午 下午 晚上 时间 星期 周末 现在 以后 以前 马上
非常满意 满意 一般 不满意 态度 效率 环境 建议 意见 投诉 表扬
我们 你们 他们 自己 大家 什么 怎么 为什么 哪里 这里 那里 这个 那个 一个 没有 已经 因为 所以
但是 如果 可能 应该 必须 希望 觉得 认为 生活 工作 学习 身体 健康 医院 医生 治疗 看病 吃药
`);
