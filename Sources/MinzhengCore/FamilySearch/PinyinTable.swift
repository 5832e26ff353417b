// Generated: the 6,763 characters of GB 2312 (and the demo's name characters) with their
// most common Mandarin reading in numbered-tone pinyin (zhang1), taken from pypinyin 0.55.0's data
// (the pinyin-data project, from Unicode's Unihan kMandarin/kHanyuPinyin; MIT licence).
// Surname readings that differ from the common one are in `Pinyin.surnameReadings`.
// Do not edit by hand: regenerate with the script in the README (Family search).

extension Pinyin {
    static let table: String = """
        啊a5 阿a1 埃ai1 挨ai1 哎ai1 唉ai1 哀ai1 皑ai2 癌ai2 蔼ai3 矮ai3 艾ai4 碍ai4 爱ai4 隘ai4 鞍an1 氨an1 安an1 俺an3 按an4
        暗an4 岸an4 胺an4 案an4 肮ang1 昂ang2 盎ang4 凹ao1 敖ao2 熬ao2 翱ao2 袄ao3 傲ao4 奥ao4 懊ao4 澳ao4 芭ba1 捌ba1 扒ba1
        叭ba1 吧ba5 笆ba1 八ba1 疤ba1 巴ba1 拔ba2 跋ba2 靶ba3 把ba3 耙ba4 坝ba4 霸ba4 罢ba4 爸ba4 白bai2 柏bai3 百bai3 摆bai3
        佰bai3 败bai4 拜bai4 稗bai4 斑ban1 班ban1 搬ban1 扳ban1 般ban1 颁ban1 板ban3 版ban3 扮ban4 拌ban4 伴ban4 瓣ban4
        半ban4 办ban4 绊ban4 邦bang1 帮bang1 梆bang1 榜bang3 膀bang3 绑bang3 棒bang4 磅bang4 蚌bang4 镑bang4 傍bang4
        谤bang4 苞bao1 胞bao1 包bao1 褒bao1 剥bo1 薄bao2 雹bao2 保bao3 堡bao3 饱bao3 宝bao3 抱bao4 报bao4 暴bao4 豹bao4
        鲍bao4 爆bao4 杯bei1 碑bei1 悲bei1 卑bei1 北bei3 辈bei4 背bei4 贝bei4 钡bei4 倍bei4 狈bei4 备bei4 惫bei4 焙bei4
        被bei4 奔ben1 苯ben3 本ben3 笨ben4 崩beng1 绷beng1 甭beng2 泵beng4 蹦beng4 迸beng4 逼bi1 鼻bi2 比bi3 鄙bi3 笔bi3
        彼bi3 碧bi4 蓖bi4 蔽bi4 毕bi4 毙bi4 毖bi4 币bi4 庇bi4 痹bi4 闭bi4 敝bi4 弊bi4 必bi4 辟pi4 壁bi4 臂bi4 避bi4 陛bi4
        鞭bian1 边bian1 编bian1 贬bian3 扁bian3 便bian4 变bian4 卞bian4 辨bian4 辩bian4 辫bian4 遍bian4 标biao1 彪biao1
        膘biao1 表biao3 鳖bie1 憋bie1 别bie2 瘪bie3 彬bin1 斌bin1 濒bin1 滨bin1 宾bin1 摈bin4 兵bing1 冰bing1 柄bing3
        丙bing3 秉bing3 饼bing3 炳bing3 病bing4 并bing4 玻bo1 菠bo1 播bo1 拨bo1 钵bo1 波bo1 博bo2 勃bo2 搏bo2 铂bo2 箔bo2
        伯bo2 帛bo2 舶bo2 脖bo2 膊bo2 渤bo2 泊po1 驳bo2 捕bu3 卜bo5 哺bu3 补bu3 埠bu4 不bu4 布bu4 步bu4 簿bu4 部bu4 怖bu4 擦ca1
        猜cai1 裁cai2 材cai2 才cai2 财cai2 睬cai3 踩cai3 采cai3 彩cai3 菜cai4 蔡cai4 餐can1 参can1 蚕can2 残can2 惭can2
        惨can3 灿can4 苍cang1 舱cang1 仓cang1 沧cang1 藏cang2 操cao1 糙cao1 槽cao2 曹cao2 草cao3 厕ce4 策ce4 侧ce4 册ce4
        测ce4 层ceng2 蹭ceng4 插cha1 叉cha1 茬cha2 茶cha2 查cha2 碴cha2 搽cha2 察cha2 岔cha4 差cha4 诧cha4 拆chai1 柴chai2
        豺chai2 搀chan1 掺can4 蝉chan2 馋chan2 谗chan2 缠chan2 铲chan3 产chan3 阐chan3 颤chan4 昌chang1 猖chang1 场chang3
        尝chang2 常chang2 长zhang3 偿chang2 肠chang2 厂chang3 敞chang3 畅chang4 唱chang4 倡chang4 超chao1 抄chao1 钞chao1
        朝chao2 嘲chao2 潮chao2 巢chao2 吵chao3 炒chao3 车che1 扯che3 撤che4 掣che4 彻che4 澈che4 郴chen1 臣chen2 辰chen2
        尘chen2 晨chen2 忱chen2 沉chen2 陈chen2 趁chen4 衬chen4 撑cheng1 称cheng1 城cheng2 橙cheng2 成cheng2 呈cheng2
        乘cheng2 程cheng2 惩cheng2 澄cheng2 诚cheng2 承cheng2 逞cheng3 骋cheng3 秤cheng4 吃chi1 痴chi1 持chi2 匙shi5
        池chi2 迟chi2 弛chi2 驰chi2 耻chi3 齿chi3 侈chi3 尺chi3 赤chi4 翅chi4 斥chi4 炽chi4 充chong1 冲chong1 虫chong2
        崇chong2 宠chong3 抽chou1 酬chou2 畴chou2 踌chou2 稠chou2 愁chou2 筹chou2 仇chou2 绸chou2 瞅chou3 丑chou3 臭chou4
        初chu1 出chu1 橱chu2 厨chu2 躇chu2 锄chu2 雏chu2 滁chu2 除chu2 楚chu3 础chu3 储chu3 矗chu4 搐chu4 触chu4 处chu4
        揣chuai1 川chuan1 穿chuan1 椽chuan2 传chuan2 船chuan2 喘chuan3 串chuan4 疮chuang1 窗chuang1 幢chuang2 床chuang2
        闯chuang3 创chuang4 吹chui1 炊chui1 捶chui2 锤chui2 垂chui2 春chun1 椿chun1 醇chun2 唇chun2 淳chun2 纯chun2
        蠢chun3 戳chuo1 绰chuo4 疵ci1 茨ci2 磁ci2 雌ci2 辞ci2 慈ci2 瓷ci2 词ci2 此ci3 刺ci4 赐ci4 次ci4 聪cong1 葱cong1
        囱cong1 匆cong1 从cong2 丛cong2 凑cou4 粗cu1 醋cu4 簇cu4 促cu4 蹿cuan1 篡cuan4 窜cuan4 摧cui1 崔cui1 催cui1 脆cui4
        瘁cui4 粹cui4 淬cui4 翠cui4 村cun1 存cun2 寸cun4 磋cuo1 撮cuo1 搓cuo1 措cuo4 挫cuo4 错cuo4 搭da1 达da2 答da2 瘩da1
        打da3 大da4 呆dai1 歹dai3 傣dai3 戴dai4 带dai4 殆dai4 代dai4 贷dai4 袋dai4 待dai4 逮dai3 怠dai4 耽dan1 担dan1 丹dan1
        单dan1 郸dan1 掸dan3 胆dan3 旦dan4 氮dan4 但dan4 惮dan4 淡dan4 诞dan4 弹dan4 蛋dan4 当dang1 挡dang3 党dang3 荡dang4
        档dang4 刀dao1 捣dao3 蹈dao3 倒dao4 岛dao3 祷dao3 导dao3 到dao4 稻dao4 悼dao4 道dao4 盗dao4 德de2 得de2 的de5 蹬deng1
        灯deng1 登deng1 等deng3 瞪deng4 凳deng4 邓deng4 堤di1 低di1 滴di1 迪di2 敌di2 笛di2 狄di2 涤di2 翟di2 嫡di2 抵di3
        底di3 地di4 蒂di4 第di4 帝di4 弟di4 递di4 缔di4 颠dian1 掂dian1 滇dian1 碘dian3 点dian3 典dian3 靛dian4 垫dian4
        电dian4 佃dian4 甸dian1 店dian4 惦dian4 奠dian4 淀dian4 殿dian4 碉diao1 叼diao1 雕diao1 凋diao1 刁diao1 掉diao4
        吊diao4 钓diao4 调diao4 跌die1 爹die1 碟die2 蝶die2 迭die2 谍die2 叠die2 丁ding1 盯ding1 叮ding1 钉ding1 顶ding3
        鼎ding3 锭ding4 定ding4 订ding4 丢diu1 东dong1 冬dong1 董dong3 懂dong3 动dong4 栋dong4 侗dong4 恫dong4 冻dong4
        洞dong4 兜dou1 抖dou3 斗dou4 陡dou3 豆dou4 逗dou4 痘dou4 都dou1 督du1 毒du2 犊du2 独du2 读du2 堵du3 睹du3 赌du3 杜du4
        镀du4 肚du4 度du4 渡du4 妒du4 端duan1 短duan3 锻duan4 段duan4 断duan4 缎duan4 堆dui1 兑dui4 队dui4 对dui4 墩dun1
        吨dun1 蹲dun1 敦dun1 顿dun4 囤dun4 钝dun4 盾dun4 遁dun4 掇duo1 哆duo1 多duo1 夺duo2 垛duo3 躲duo3 朵duo3 跺duo4
        舵duo4 剁duo4 惰duo4 堕duo4 蛾e2 峨e2 鹅e2 俄e2 额e2 讹e2 娥e2 恶e4 厄e4 扼e4 遏e4 鄂e4 饿e4 恩en1 而er2 儿er2 耳er3 尔er3
        饵er3 洱er3 二er4 贰er4 发fa1 罚fa2 筏fa2 伐fa2 乏fa2 阀fa2 法fa3 珐fa4 藩fan1 帆fan1 番fan1 翻fan1 樊fan2 矾fan2
        钒fan2 繁fan2 凡fan2 烦fan2 反fan3 返fan3 范fan4 贩fan4 犯fan4 饭fan4 泛fan4 坊fang1 芳fang1 方fang1 肪fang2 房fang2
        防fang2 妨fang2 仿fang3 访fang3 纺fang3 放fang4 菲fei1 非fei1 啡fei1 飞fei1 肥fei2 匪fei3 诽fei3 吠fei4 肺fei4
        废fei4 沸fei4 费fei4 芬fen1 酚fen1 吩fen1 氛fen1 分fen1 纷fen1 坟fen2 焚fen2 汾fen2 粉fen3 奋fen4 份fen4 忿fen4
        愤fen4 粪fen4 丰feng1 封feng1 枫feng1 蜂feng1 峰feng1 锋feng1 风feng1 疯feng1 烽feng1 逢feng2 冯feng2 缝feng4
        讽feng3 奉feng4 凤feng4 佛fu2 否fou3 夫fu1 敷fu1 肤fu1 孵fu1 扶fu2 拂fu2 辐fu2 幅fu2 氟fu2 符fu2 伏fu2 俘fu2 服fu2
        浮fu2 涪fu2 福fu2 袱fu2 弗fu2 甫fu3 抚fu3 辅fu3 俯fu3 釜fu3 斧fu3 脯pu2 腑fu3 府fu3 腐fu3 赴fu4 副fu4 覆fu4 赋fu4 复fu4
        傅fu4 付fu4 阜fu4 父fu4 腹fu4 负fu4 富fu4 讣fu4 附fu4 妇fu4 缚fu4 咐fu4 噶ga2 嘎ga1 该gai1 改gai3 概gai4 钙gai4 盖gai4
        溉gai4 干gan4 甘gan1 杆gan1 柑gan1 竿gan1 肝gan1 赶gan3 感gan3 秆gan3 敢gan3 赣gan4 冈gang1 刚gang1 钢gang1 缸gang1
        肛gang1 纲gang1 岗gang3 港gang3 杠gang1 篙gao1 皋gao1 高gao1 膏gao1 羔gao1 糕gao1 搞gao3 镐gao3 稿gao3 告gao4 哥ge1
        歌ge1 搁ge1 戈ge1 鸽ge1 胳ge1 疙ge1 割ge1 革ge2 葛ge2 格ge2 蛤ha2 阁ge2 隔ge2 铬ge4 个ge4 各ge4 给gei3 根gen1 跟gen1
        耕geng1 更geng4 庚geng1 羹geng1 埂geng3 耿geng3 梗geng3 工gong1 攻gong1 功gong1 恭gong1 龚gong1 供gong1 躬gong1
        公gong1 宫gong1 弓gong1 巩gong3 汞gong3 拱gong3 贡gong4 共gong4 钩gou1 勾gou1 沟gou1 苟gou3 狗gou3 垢gou4 构gou4
        购gou4 够gou4 辜gu1 菇gu1 咕gu1 箍gu1 估gu1 沽gu1 孤gu1 姑gu1 鼓gu3 古gu3 蛊gu3 骨gu3 谷gu3 股gu3 故gu4 顾gu4 固gu4
        雇gu4 刮gua1 瓜gua1 剐gua3 寡gua3 挂gua4 褂gua4 乖guai1 拐guai3 怪guai4 棺guan1 关guan1 官guan1 冠guan1 观guan1
        管guan3 馆guan3 罐guan4 惯guan4 灌guan4 贯guan4 光guang1 广guang3 逛guang4 瑰gui1 规gui1 圭gui1 硅gui1 归gui1
        龟gui1 闺gui1 轨gui3 鬼gui3 诡gui3 癸gui3 桂gui4 柜gui4 跪gui4 贵gui4 刽gui4 辊gun3 滚gun3 棍gun4 锅guo1 郭guo1
        国guo2 果guo3 裹guo3 过guo4 哈ha1 骸hai2 孩hai2 海hai3 氦hai4 亥hai4 害hai4 骇hai4 酣han1 憨han1 邯han2 韩han2 含han2
        涵han2 寒han2 函han2 喊han3 罕han3 翰han4 撼han4 捍han4 旱han4 憾han4 悍han4 焊han4 汗han4 汉han4 夯hang1 杭hang2
        航hang2 壕hao2 嚎hao2 豪hao2 毫hao2 郝hao3 好hao3 耗hao4 号hao4 浩hao4 呵he1 喝he1 荷he2 菏he2 核he2 禾he2 和he2 何he2
        合he2 盒he2 貉hao2 阂he2 河he2 涸he2 赫he4 褐he4 鹤he4 贺he4 嘿hei1 黑hei1 痕hen2 很hen3 狠hen3 恨hen4 哼heng1 亨heng1
        横heng2 衡heng2 恒heng2 轰hong1 哄hong3 烘hong1 虹hong2 鸿hong2 洪hong2 宏hong2 弘hong2 红hong2 喉hou2 侯hou2
        猴hou2 吼hou3 厚hou4 候hou4 后hou4 呼hu1 乎hu1 忽hu1 瑚hu2 壶hu2 葫hu2 胡hu2 蝴hu2 狐hu2 糊hu2 湖hu2 弧hu2 虎hu3 唬hu3
        护hu4 互hu4 沪hu4 户hu4 花hua1 哗hua1 华hua2 猾hua2 滑hua2 画hua4 划hua4 化hua4 话hua4 槐huai2 徊huai2 怀huai2
        淮huai2 坏huai4 欢huan1 环huan2 桓huan2 还hai2 缓huan3 换huan4 患huan4 唤huan4 痪huan4 豢huan4 焕huan4 涣huan4
        宦huan4 幻huan4 荒huang1 慌huang1 黄huang2 磺huang2 蝗huang2 簧huang2 皇huang2 凰huang2 惶huang2 煌huang2
        晃huang3 幌huang3 恍huang3 谎huang3 灰hui1 挥hui1 辉hui1 徽hui1 恢hui1 蛔hui2 回hui2 毁hui3 悔hui3 慧hui4 卉hui4
        惠hui4 晦hui4 贿hui4 秽hui4 会hui4 烩hui4 汇hui4 讳hui4 诲hui4 绘hui4 荤hun1 昏hun1 婚hun1 魂hun2 浑hun2 混hun4
        豁huo1 活huo2 伙huo3 火huo3 获huo4 或huo4 惑huo4 霍huo4 货huo4 祸huo4 击ji1 圾ji1 基ji1 机ji1 畸ji1 稽ji1 积ji1 箕ji1
        肌ji1 饥ji1 迹ji4 激ji1 讥ji1 鸡ji1 姬ji1 绩ji4 缉ji1 吉ji2 极ji2 棘ji2 辑ji2 籍ji2 集ji2 及ji2 急ji2 疾ji2 汲ji2 即ji2
        嫉ji2 级ji2 挤ji3 几ji3 脊ji2 己ji3 蓟ji4 技ji4 冀ji4 季ji4 伎ji4 祭ji4 剂ji4 悸ji4 济ji4 寄ji4 寂ji4 计ji4 记ji4 既ji4
        忌ji4 际ji4 妓ji4 继ji4 纪ji4 嘉jia1 枷jia1 夹jia1 佳jia1 家jia1 加jia1 荚jia2 颊jia2 贾jia3 甲jia3 钾jia3 假jia3
        稼jia4 价jia4 架jia4 驾jia4 嫁jia4 歼jian1 监jian1 坚jian1 尖jian1 笺jian1 间jian1 煎jian1 兼jian1 肩jian1 艰jian1
        奸jian1 缄jian1 茧jian3 检jian3 柬jian3 碱jian3 硷jian3 拣jian3 捡jian3 简jian3 俭jian3 剪jian3 减jian3 荐jian4
        槛kan3 鉴jian4 践jian4 贱jian4 见jian4 键jian4 箭jian4 件jian4 健jian4 舰jian4 剑jian4 饯jian4 渐jian4 溅jian4
        涧jian4 建jian4 僵jiang1 姜jiang1 将jiang1 浆jiang1 江jiang1 疆jiang1 蒋jiang3 桨jiang3 奖jiang3 讲jiang3
        匠jiang4 酱jiang4 降jiang4 蕉jiao1 椒jiao1 礁jiao1 焦jiao1 胶jiao1 交jiao1 郊jiao1 浇jiao1 骄jiao1 娇jiao1 嚼jue2
        搅jiao3 铰jiao3 矫jiao3 侥jiao3 脚jiao3 狡jiao3 角jiao3 饺jiao3 缴jiao3 绞jiao3 剿jiao3 教jiao4 酵jiao4 轿jiao4
        较jiao4 叫jiao4 窖jiao4 揭jie1 接jie1 皆jie1 秸jie1 街jie1 阶jie1 截jie2 劫jie2 节jie2 桔ju2 杰jie2 捷jie2 睫jie2
        竭jie2 洁jie2 结jie2 解jie3 姐jie3 戒jie4 藉ji2 芥jie4 界jie4 借jie4 介jie4 疥jie4 诫jie4 届jie4 巾jin1 筋jin1 斤jin1
        金jin1 今jin1 津jin1 襟jin1 紧jin3 锦jin3 仅jin3 谨jin3 进jin4 靳jin4 晋jin4 禁jin4 近jin4 烬jin4 浸jin4 尽jin3
        劲jin4 荆jing1 兢jing1 茎jing1 睛jing1 晶jing1 鲸jing1 京jing1 惊jing1 精jing1 粳jing1 经jing1 井jing3 警jing3
        景jing3 颈jing3 静jing4 境jing4 敬jing4 镜jing4 径jing4 痉jing4 靖jing4 竟jing4 竞jing4 净jing4 炯jiong3 窘jiong3
        揪jiu1 究jiu1 纠jiu1 玖jiu3 韭jiu3 久jiu3 灸jiu3 九jiu3 酒jiu3 厩jiu4 救jiu4 旧jiu4 臼jiu4 舅jiu4 咎jiu4 就jiu4
        疚jiu4 鞠ju1 拘ju1 狙ju1 疽ju1 居ju1 驹ju1 菊ju2 局ju2 咀ju3 矩ju3 举ju3 沮ju3 聚ju4 拒ju4 据ju4 巨ju4 具ju4 距ju4 踞ju4
        锯ju4 俱ju4 句ju4 惧ju4 炬ju4 剧ju4 捐juan1 鹃juan1 娟juan1 倦juan4 眷juan4 卷juan3 绢juan4 撅jue1 攫jue2 抉jue2
        掘jue2 倔jue2 爵jue2 觉jue2 决jue2 诀jue2 绝jue2 均jun1 菌jun1 钧jun1 军jun1 君jun1 峻jun4 俊jun4 竣jun4 浚jun4
        郡jun4 骏jun4 喀ka1 咖ka1 卡ka3 咯ge1 开kai1 揩kai1 楷kai3 凯kai3 慨kai3 刊kan1 堪kan1 勘kan1 坎kan3 砍kan3 看kan4
        康kang1 慷kang1 糠kang1 扛kang2 抗kang4 亢kang4 炕kang4 考kao3 拷kao3 烤kao3 靠kao4 坷ke3 苛ke1 柯ke1 棵ke1 磕ke1
        颗ke1 科ke1 壳ke2 咳ke2 可ke3 渴ke3 克ke4 刻ke4 客ke4 课ke4 肯ken3 啃ken3 垦ken3 恳ken3 坑keng1 吭keng1 空kong1
        恐kong3 孔kong3 控kong4 抠kou1 口kou3 扣kou4 寇kou4 枯ku1 哭ku1 窟ku1 苦ku3 酷ku4 库ku4 裤ku4 夸kua1 垮kua3 挎kua4
        跨kua4 胯kua4 块kuai4 筷kuai4 侩kuai4 快kuai4 宽kuan1 款kuan3 匡kuang1 筐kuang1 狂kuang2 框kuang1 矿kuang4
        眶kuang4 旷kuang4 况kuang4 亏kui1 盔kui1 岿kui1 窥kui1 葵kui2 奎kui2 魁kui2 傀gui1 馈kui4 愧kui4 溃kui4 坤kun1
        昆kun1 捆kun3 困kun4 括kuo4 扩kuo4 廓kuo4 阔kuo4 垃la1 拉la1 喇la3 蜡la4 腊la4 辣la4 啦la5 莱lai2 来lai2 赖lai4 蓝lan2
        婪lan2 栏lan2 拦lan2 篮lan2 阑lan2 兰lan2 澜lan2 谰lan2 揽lan3 览lan3 懒lan3 缆lan3 烂lan4 滥lan4 琅lang2 榔lang2
        狼lang2 廊lang2 郎lang2 朗lang3 浪lang4 捞lao1 劳lao2 牢lao2 老lao3 佬lao3 姥lao3 酪lao4 烙lao4 涝lao4 勒lei1 乐le4
        雷lei2 镭lei2 蕾lei3 磊lei3 累lei4 儡lei3 垒lei3 擂lei2 肋le1 类lei4 泪lei4 棱leng2 楞leng2 冷leng3 厘li2 梨li2 犁li2
        黎li2 篱li2 狸li2 离li2 漓li2 理li3 李li3 里li3 鲤li3 礼li3 莉li4 荔li4 吏li4 栗li4 丽li4 厉li4 励li4 砾li4 历li4 利li4
        傈li4 例li4 俐li4 痢li4 立li4 粒li4 沥li4 隶li4 力li4 璃li2 哩li1 俩lia3 联lian2 莲lian2 连lian2 镰lian2 廉lian2
        怜lian2 涟lian2 帘lian2 敛lian3 脸lian3 链lian4 恋lian4 炼lian4 练lian4 粮liang2 凉liang2 梁liang2 粱liang2
        良liang2 两liang3 辆liang4 量liang4 晾liang4 亮liang4 谅liang4 撩liao1 聊liao2 僚liao2 疗liao2 燎liao2 寥liao2
        辽liao2 潦lao3 了le5 撂liao4 镣liao4 廖liao4 料liao4 列lie4 裂lie4 烈lie4 劣lie4 猎lie4 琳lin2 林lin2 磷lin2 霖lin2
        临lin2 邻lin2 鳞lin2 淋lin2 凛lin3 赁lin4 吝lin4 拎lin1 玲ling2 菱ling2 零ling2 龄ling2 铃ling2 伶ling2 羚ling2
        凌ling2 灵ling2 陵ling2 岭ling3 领ling3 另ling4 令ling4 溜liu1 琉liu2 榴liu2 硫liu2 馏liu2 留liu2 刘liu2 瘤liu2
        流liu2 柳liu3 六liu4 龙long2 聋long2 咙long2 笼long2 窿long2 隆long2 垄long3 拢long3 陇long3 楼lou2 娄lou2 搂lou3
        篓lou3 漏lou4 陋lou4 芦lu2 卢lu2 颅lu2 庐lu2 炉lu2 掳lu3 卤lu3 虏lu3 鲁lu3 麓lu4 碌lu4 露lu4 路lu4 赂lu4 鹿lu4 潞lu4
        禄lu4 录lu4 陆lu4 戮lu4 驴lv2 吕lv3 铝lv3 侣lv3 旅lv3 履lv3 屡lv3 缕lv3 虑lv4 氯lv4 律lv4 率lv4 滤lv4 绿lv4 峦luan2
        挛luan2 孪luan2 滦luan2 卵luan3 乱luan4 掠lve4 略lve4 抡lun1 轮lun2 伦lun2 仑lun2 沦lun2 纶lun2 论lun4 萝luo2 螺luo2
        罗luo2 逻luo2 锣luo2 箩luo2 骡luo2 裸luo3 落luo4 洛luo4 骆luo4 络luo4 妈ma1 麻ma2 玛ma3 码ma3 蚂ma3 马ma3 骂ma4 嘛ma5
        吗ma5 埋mai2 买mai3 麦mai4 卖mai4 迈mai4 脉mai4 瞒man2 馒man2 蛮man2 满man3 蔓man4 曼man4 慢man4 漫man4 谩man2
        芒mang2 茫mang2 盲mang2 氓mang2 忙mang2 莽mang3 猫mao1 茅mao2 锚mao2 毛mao2 矛mao2 铆mao3 卯mao3 茂mao4 冒mao4
        帽mao4 貌mao4 贸mao4 么me5 玫mei2 枚mei2 梅mei2 酶mei2 霉mei2 煤mei2 没mei2 眉mei2 媒mei2 镁mei3 每mei3 美mei3 昧mei4
        寐mei4 妹mei4 媚mei4 门men2 闷men4 们men5 萌meng2 蒙meng2 檬meng2 盟meng2 锰meng3 猛meng3 梦meng4 孟meng4 眯mi1
        醚mi2 靡mi2 糜mi2 迷mi2 谜mi2 弥mi2 米mi3 秘mi4 觅mi4 泌mi4 蜜mi4 密mi4 幂mi4 棉mian2 眠mian2 绵mian2 冕mian3 免mian3
        勉mian3 娩mian3 缅mian3 面mian4 苗miao2 描miao2 瞄miao2 藐miao3 秒miao3 渺miao3 庙miao4 妙miao4 蔑mie4 灭mie4
        民min2 抿min3 皿min3 敏min3 悯min3 闽min3 明ming2 螟ming2 鸣ming2 铭ming2 名ming2 命ming4 谬miu4 摸mo1 摹mo2 蘑mo2
        模mo2 膜mo2 磨mo2 摩mo2 魔mo2 抹mo3 末mo4 莫mo4 墨mo4 默mo4 沫mo4 漠mo4 寞mo4 陌mo4 谋mou2 牟mou2 某mou3 拇mu3 牡mu3
        亩mu3 姆mu3 母mu3 墓mu4 暮mu4 幕mu4 募mu4 慕mu4 木mu4 目mu4 睦mu4 牧mu4 穆mu4 拿na2 哪na3 呐na4 钠na4 那na4 娜na4 纳na4
        氖nai3 乃nai3 奶nai3 耐nai4 奈nai4 南nan2 男nan2 难nan2 囊nang2 挠nao2 脑nao3 恼nao3 闹nao4 淖nao4 呢ne5 馁nei3
        内nei4 嫩nen4 能neng2 妮ni1 霓ni2 倪ni2 泥ni2 尼ni2 拟ni3 你ni3 匿ni4 腻ni4 逆ni4 溺ni4 蔫nian1 拈nian1 年nian2
        碾nian3 撵nian3 捻nian3 念nian4 娘niang2 酿niang4 鸟niao3 尿niao4 捏nie1 聂nie4 孽nie4 啮nie4 镊nie4 镍nie4 涅nie4
        您nin2 柠ning2 狞ning2 凝ning2 宁ning2 拧ning2 泞ning4 牛niu2 扭niu3 钮niu3 纽niu3 脓nong2 浓nong2 农nong2 弄nong4
        奴nu2 努nu3 怒nu4 女nv3 暖nuan3 虐nve4 疟nve4 挪nuo2 懦nuo4 糯nuo4 诺nuo4 哦o2 欧ou1 鸥ou1 殴ou1 藕ou3 呕ou3 偶ou3
        沤ou1 啪pa1 趴pa1 爬pa2 帕pa4 怕pa4 琶pa2 拍pai1 排pai2 牌pai2 徘pai2 湃pai4 派pai4 攀pan1 潘pan1 盘pan2 磐pan2 盼pan4
        畔pan4 判pan4 叛pan4 乓pang1 庞pang2 旁pang2 耪pang3 胖pang4 抛pao1 咆pao2 刨pao2 炮pao4 袍pao2 跑pao3 泡pao4 呸pei1
        胚pei1 培pei2 裴pei2 赔pei2 陪pei2 配pei4 佩pei4 沛pei4 喷pen1 盆pen2 砰peng1 抨peng1 烹peng1 澎peng1 彭peng2
        蓬peng2 棚peng2 硼peng2 篷peng2 膨peng2 朋peng2 鹏peng2 捧peng3 碰peng4 坯pi1 砒pi1 霹pi1 批pi1 披pi1 劈pi1 琵pi2
        毗pi2 啤pi2 脾pi2 疲pi2 皮pi2 匹pi3 痞pi3 僻pi4 屁pi4 譬pi4 篇pian1 偏pian1 片pian4 骗pian4 飘piao1 漂piao1 瓢piao2
        票piao4 撇pie1 瞥pie1 拼pin1 频pin2 贫pin2 品pin3 聘pin4 乒ping1 坪ping2 苹ping2 萍ping2 平ping2 凭ping2 瓶ping2
        评ping2 屏ping2 坡po1 泼po1 颇po3 婆po2 破po4 魄po4 迫po4 粕po4 剖pou1 扑pu1 铺pu4 仆pu1 莆pu2 葡pu2 菩pu2 蒲pu2 埔pu3
        朴pu3 圃pu3 普pu3 浦pu3 谱pu3 曝pu4 瀑pu4 期qi1 欺qi1 栖qi1 戚qi1 妻qi1 七qi1 凄qi1 漆qi1 柒qi1 沏qi1 其qi2 棋qi2 奇qi2
        歧qi2 畦qi2 崎qi2 脐qi2 齐qi2 旗qi2 祈qi2 祁qi2 骑qi2 起qi3 岂qi3 乞qi3 企qi3 启qi3 契qi4 砌qi4 器qi4 气qi4 迄qi4 弃qi4
        汽qi4 泣qi4 讫qi4 掐qia1 恰qia4 洽qia4 牵qian1 扦qian1 钎qian1 铅qian1 千qian1 迁qian1 签qian1 仟qian1 谦qian1
        乾qian2 黔qian2 钱qian2 钳qian2 前qian2 潜qian2 遣qian3 浅qian3 谴qian3 堑qian4 嵌qian4 欠qian4 歉qian4 枪qiang1
        呛qiang1 腔qiang1 羌qiang1 墙qiang2 蔷qiang2 强qiang2 抢qiang3 橇qiao1 锹qiao1 敲qiao1 悄qiao1 桥qiao2 瞧qiao2
        乔qiao2 侨qiao2 巧qiao3 鞘qiao4 撬qiao4 翘qiao4 峭qiao4 俏qiao4 窍qiao4 切qie4 茄jia1 且qie3 怯qie4 窃qie4 钦qin1
        侵qin1 亲qin1 秦qin2 琴qin2 勤qin2 芹qin2 擒qin2 禽qin2 寝qin3 沁qin4 青qing1 轻qing1 氢qing1 倾qing1 卿qing1
        清qing1 擎qing2 晴qing2 氰qing2 情qing2 顷qing3 请qing3 庆qing4 琼qiong2 穷qiong2 秋qiu1 丘qiu1 邱qiu1 球qiu2
        求qiu2 囚qiu2 酋qiu2 泅qiu2 趋qu1 区qu1 蛆qu1 曲qu1 躯qu1 屈qu1 驱qu1 渠qu2 取qu3 娶qu3 龋qu3 趣qu4 去qu4 圈quan1
        颧quan2 权quan2 醛quan2 泉quan2 全quan2 痊quan2 拳quan2 犬quan3 券quan4 劝quan4 缺que1 炔gui4 瘸que2 却que4 鹊que4
        榷que4 确que4 雀que4 裙qun2 群qun2 然ran2 燃ran2 冉ran3 染ran3 瓤rang2 壤rang3 攘rang3 嚷rang3 让rang4 饶rao2 扰rao3
        绕rao4 惹re3 热re4 壬ren2 仁ren2 人ren2 忍ren3 韧ren4 任ren4 认ren4 刃ren4 妊ren4 纫ren4 扔reng1 仍reng2 日ri4
        戎rong2 茸rong1 蓉rong2 荣rong2 融rong2 熔rong2 溶rong2 容rong2 绒rong2 冗rong3 揉rou2 柔rou2 肉rou4 茹ru2 蠕ru2
        儒ru2 孺ru2 如ru2 辱ru3 乳ru3 汝ru3 入ru4 褥ru4 软ruan3 阮ruan3 蕊rui3 瑞rui4 锐rui4 闰run4 润run4 若ruo4 弱ruo4 撒sa1
        洒sa3 萨sa4 腮sai1 鳃sai1 塞sai1 赛sai4 三san1 叁san1 伞san3 散san4 桑sang1 嗓sang3 丧sang4 搔sao1 骚sao1 扫sao3
        嫂sao3 瑟se4 色se4 涩se4 森sen1 僧seng1 莎sha1 砂sha1 杀sha1 刹sha1 沙sha1 纱sha1 傻sha3 啥sha2 煞sha1 筛shai1
        晒shai4 珊shan1 苫shan1 杉shan1 山shan1 删shan1 煽shan1 衫shan1 闪shan3 陕shan3 擅shan4 赡shan4 膳shan4 善shan4
        汕shan4 扇shan4 缮shan4 墒shang1 伤shang1 商shang1 赏shang3 晌shang3 上shang4 尚shang4 裳shang5 梢shao1 捎shao1
        稍shao1 烧shao1 芍shao2 勺shao2 韶shao2 少shao3 哨shao4 邵shao4 绍shao4 奢she1 赊she1 蛇she2 舌she2 舍she3 赦she4
        摄she4 射she4 慑she4 涉she4 社she4 设she4 砷shen1 申shen1 呻shen1 伸shen1 身shen1 深shen1 娠shen1 绅shen1 神shen2
        沈shen3 审shen3 婶shen3 甚shen4 肾shen4 慎shen4 渗shen4 声sheng1 生sheng1 甥sheng1 牲sheng1 升sheng1 绳sheng2
        省sheng3 盛sheng4 剩sheng4 胜sheng4 圣sheng4 师shi1 失shi1 狮shi1 施shi1 湿shi1 诗shi1 尸shi1 虱shi1 十shi2 石shi2
        拾shi2 时shi2 什shen2 食shi2 蚀shi2 实shi2 识shi2 史shi3 矢shi3 使shi3 屎shi3 驶shi3 始shi3 式shi4 示shi4 士shi4
        世shi4 柿shi4 事shi4 拭shi4 誓shi4 逝shi4 势shi4 是shi4 嗜shi4 噬shi4 适shi4 仕shi4 侍shi4 释shi4 饰shi4 氏shi4
        市shi4 恃shi4 室shi4 视shi4 试shi4 收shou1 手shou3 首shou3 守shou3 寿shou4 授shou4 售shou4 受shou4 瘦shou4 兽shou4
        蔬shu1 枢shu1 梳shu1 殊shu1 抒shu1 输shu1 叔shu1 舒shu1 淑shu1 疏shu1 书shu1 赎shu2 孰shu2 熟shu2 薯shu3 暑shu3
        曙shu3 署shu3 蜀shu3 黍shu3 鼠shu3 属shu3 术shu4 述shu4 树shu4 束shu4 戍shu4 竖shu4 墅shu4 庶shu4 数shu4 漱shu4
        恕shu4 刷shua1 耍shua3 摔shuai1 衰shuai1 甩shuai3 帅shuai4 栓shuan1 拴shuan1 霜shuang1 双shuang1 爽shuang3
        谁shui2 水shui3 睡shui4 税shui4 吮shun3 瞬shun4 顺shun4 舜shun4 说shuo1 硕shuo4 朔shuo4 烁shuo4 斯si1 撕si1 嘶si1
        思si1 私si1 司si1 丝si1 死si3 肆si4 寺si4 嗣si4 四si4 伺ci4 似shi4 饲si4 巳si4 松song1 耸song3 怂song3 颂song4 送song4
        宋song4 讼song4 诵song4 搜sou1 艘sou1 擞sou3 嗽sou4 苏su1 酥su1 俗su2 素su4 速su4 粟su4 僳su4 塑su4 溯su4 宿su4 诉su4
        肃su4 酸suan1 蒜suan4 算suan4 虽sui1 隋sui2 随sui2 绥sui2 髓sui3 碎sui4 岁sui4 穗sui4 遂sui4 隧sui4 祟sui4 孙sun1
        损sun3 笋sun3 蓑suo1 梭suo1 唆suo1 缩suo1 琐suo3 索suo3 锁suo3 所suo3 塌ta1 他ta1 它ta1 她ta1 塔ta3 獭ta3 挞ta4 蹋ta4
        踏ta4 胎tai1 苔tai2 抬tai2 台tai2 泰tai4 酞tai4 太tai4 态tai4 汰tai4 坍tan1 摊tan1 贪tan1 瘫tan1 滩tan1 坛tan2 檀tan2
        痰tan2 潭tan2 谭tan2 谈tan2 坦tan3 毯tan3 袒tan3 碳tan4 探tan4 叹tan4 炭tan4 汤tang1 塘tang2 搪tang2 堂tang2 棠tang2
        膛tang2 唐tang2 糖tang2 倘tang3 躺tang3 淌tang3 趟tang4 烫tang4 掏tao1 涛tao1 滔tao1 绦tao1 萄tao2 桃tao2 逃tao2
        淘tao2 陶tao2 讨tao3 套tao4 特te4 藤teng2 腾teng2 疼teng2 誊teng2 梯ti1 剔ti1 踢ti1 锑ti1 提ti2 题ti2 蹄ti2 啼ti2
        体ti3 替ti4 嚏ti4 惕ti4 涕ti4 剃ti4 屉ti4 天tian1 添tian1 填tian2 田tian2 甜tian2 恬tian2 舔tian3 腆tian3 挑tiao1
        条tiao2 迢tiao2 眺tiao4 跳tiao4 贴tie1 铁tie3 帖tie1 厅ting1 听ting1 烃ting1 汀ting1 廷ting2 停ting2 亭ting2
        庭ting2 挺ting3 艇ting3 通tong1 桐tong2 酮tong2 瞳tong2 同tong2 铜tong2 彤tong2 童tong2 桶tong3 捅tong3 筒tong3
        统tong3 痛tong4 偷tou1 投tou2 头tou2 透tou4 凸tu1 秃tu1 突tu1 图tu2 徒tu2 途tu2 涂tu2 屠tu2 土tu3 吐tu3 兔tu4 湍tuan1
        团tuan2 推tui1 颓tui2 腿tui3 蜕tui4 褪tui4 退tui4 吞tun1 屯tun2 臀tun2 拖tuo1 托tuo1 脱tuo1 鸵tuo2 陀tuo2 驮tuo2
        驼tuo2 椭tuo3 妥tuo3 拓tuo4 唾tuo4 挖wa1 哇wa5 蛙wa1 洼wa1 娃wa2 瓦wa3 袜wa4 歪wai1 外wai4 豌wan1 弯wan1 湾wan1 玩wan2
        顽wan2 丸wan2 烷wan2 完wan2 碗wan3 挽wan3 晚wan3 皖wan3 惋wan3 宛wan3 婉wan3 万wan4 腕wan4 汪wang1 王wang2 亡wang2
        枉wang3 网wang3 往wang3 旺wang4 望wang4 忘wang4 妄wang4 威wei1 巍wei1 微wei1 危wei1 韦wei2 违wei2 桅wei2 围wei2
        唯wei2 惟wei2 为wei4 潍wei2 维wei2 苇wei3 萎wei1 委wei3 伟wei3 伪wei3 尾wei3 纬wei3 未wei4 蔚wei4 味wei4 畏wei4
        胃wei4 喂wei4 魏wei4 位wei4 渭wei4 谓wei4 尉wei4 慰wei4 卫wei4 瘟wen1 温wen1 蚊wen2 文wen2 闻wen2 纹wen2 吻wen3
        稳wen3 紊wen3 问wen4 嗡weng1 翁weng1 瓮weng4 挝wo1 蜗wo1 涡wo1 窝wo1 我wo3 斡wo4 卧wo4 握wo4 沃wo4 巫wu1 呜wu1 钨wu1
        乌wu1 污wu1 诬wu1 屋wu1 无wu2 芜wu2 梧wu2 吾wu2 吴wu2 毋wu2 武wu3 五wu3 捂wu3 午wu3 舞wu3 伍wu3 侮wu3 坞wu4 戊wu4 雾wu4
        晤wu4 物wu4 勿wu4 务wu4 悟wu4 误wu4 昔xi1 熙xi1 析xi1 西xi1 硒xi1 矽xi4 晰xi1 嘻xi1 吸xi1 锡xi1 牺xi1 稀xi1 息xi1 希xi1
        悉xi1 膝xi1 夕xi1 惜xi1 熄xi1 烯xi1 溪xi1 汐xi1 犀xi1 檄xi2 袭xi2 席xi2 习xi2 媳xi2 喜xi3 铣xi3 洗xi3 系xi4 隙xi4 戏xi4
        细xi4 瞎xia1 虾xia1 匣xia2 霞xia2 辖xia2 暇xia2 峡xia2 侠xia2 狭xia2 下xia4 厦sha4 夏xia4 吓xia4 掀xian1 锨xian1
        先xian1 仙xian1 鲜xian1 纤xian1 咸xian2 贤xian2 衔xian2 舷xian2 闲xian2 涎xian2 弦xian2 嫌xian2 显xian3 险xian3
        现xian4 献xian4 县xian4 腺xian4 馅xian4 羡xian4 宪xian4 陷xian4 限xian4 线xian4 相xiang1 厢xiang1 镶xiang1
        香xiang1 箱xiang1 襄xiang1 湘xiang1 乡xiang1 翔xiang2 祥xiang2 详xiang2 想xiang3 响xiang3 享xiang3 项xiang4
        巷xiang4 橡xiang4 像xiang4 向xiang4 象xiang4 萧xiao1 硝xiao1 霄xiao1 削xue1 哮xiao1 嚣xiao1 销xiao1 消xiao1
        宵xiao1 淆xiao2 晓xiao3 小xiao3 孝xiao4 校xiao4 肖xiao4 啸xiao4 笑xiao4 效xiao4 楔xie1 些xie1 歇xie1 蝎xie1 鞋xie2
        协xie2 挟xie2 携xie2 邪xie2 斜xie2 胁xie2 谐xie2 写xie3 械xie4 卸xie4 蟹xie4 懈xie4 泄xie4 泻xie4 谢xie4 屑xie4
        薪xin1 芯xin1 锌xin1 欣xin1 辛xin1 新xin1 忻xin1 心xin1 信xin4 衅xin4 星xing1 腥xing1 猩xing1 惺xing1 兴xing1
        刑xing2 型xing2 形xing2 邢xing2 行xing2 醒xing3 幸xing4 杏xing4 性xing4 姓xing4 兄xiong1 凶xiong1 胸xiong1
        匈xiong1 汹xiong1 雄xiong2 熊xiong2 休xiu1 修xiu1 羞xiu1 朽xiu3 嗅xiu4 锈xiu4 秀xiu4 袖xiu4 绣xiu4 墟xu1 戌xu1 需xu1
        虚xu1 嘘xu1 须xu1 徐xu2 许xu3 蓄xu4 酗xu4 叙xu4 旭xu4 序xu4 畜chu4 恤xu4 絮xu4 婿xu4 绪xu4 续xu4 轩xuan1 喧xuan1
        宣xuan1 悬xuan2 旋xuan2 玄xuan2 选xuan3 癣xuan3 眩xuan4 绚xuan4 靴xue1 薛xue1 学xue2 穴xue2 雪xue3 血xue4 勋xun1
        熏xun1 循xun2 旬xun2 询xun2 寻xun2 驯xun4 巡xun2 殉xun4 汛xun4 训xun4 讯xun4 逊xun4 迅xun4 压ya1 押ya1 鸦ya1 鸭ya1
        呀ya5 丫ya1 芽ya2 牙ya2 蚜ya2 崖ya2 衙ya2 涯ya2 雅ya3 哑ya3 亚ya4 讶ya4 焉yan1 咽yan4 阉yan1 烟yan1 淹yan1 盐yan2
        严yan2 研yan2 蜒yan2 岩yan2 延yan2 言yan2 颜yan2 阎yan2 炎yan2 沿yan2 奄yan3 掩yan3 眼yan3 衍yan3 演yan3 艳yan4
        堰yan4 燕yan4 厌yan4 砚yan4 雁yan4 唁yan4 彦yan4 焰yan4 宴yan4 谚yan4 验yan4 殃yang1 央yang1 鸯yang1 秧yang1 杨yang2
        扬yang2 佯yang2 疡yang2 羊yang2 洋yang2 阳yang2 氧yang3 仰yang3 痒yang3 养yang3 样yang4 漾yang4 邀yao1 腰yao1
        妖yao1 瑶yao2 摇yao2 尧yao2 遥yao2 窑yao2 谣yao2 姚yao2 咬yao3 舀yao3 药yao4 要yao4 耀yao4 椰ye1 噎ye1 耶ye2 爷ye2
        野ye3 冶ye3 也ye3 页ye4 掖ye1 业ye4 叶ye4 曳ye4 腋ye4 夜ye4 液ye4 一yi1 壹yi1 医yi1 揖yi1 铱yi1 依yi1 伊yi1 衣yi1 颐yi2
        夷yi2 遗yi2 移yi2 仪yi2 胰yi2 疑yi2 沂yi2 宜yi2 姨yi2 彝yi2 椅yi3 蚁yi3 倚yi3 已yi3 乙yi3 矣yi3 以yi3 艺yi4 抑yi4 易yi4
        邑yi4 屹yi4 亿yi4 役yi4 臆yi4 逸yi4 肄yi4 疫yi4 亦yi4 裔yi4 意yi4 毅yi4 忆yi4 义yi4 益yi4 溢yi4 诣yi4 议yi4 谊yi4 译yi4
        异yi4 翼yi4 翌yi4 绎yi4 茵yin1 荫yin1 因yin1 殷yin1 音yin1 阴yin1 姻yin1 吟yin2 银yin2 淫yin2 寅yin2 饮yin3 尹yin3
        引yin3 隐yin3 印yin4 英ying1 樱ying1 婴ying1 鹰ying1 应ying1 缨ying1 莹ying2 萤ying2 营ying2 荧ying2 蝇ying2
        迎ying2 赢ying2 盈ying2 影ying3 颖ying3 硬ying4 映ying4 哟yo1 拥yong1 佣yong1 臃yong1 痈yong1 庸yong1 雍yong1
        踊yong3 蛹yong3 咏yong3 泳yong3 涌yong3 永yong3 恿yong3 勇yong3 用yong4 幽you1 优you1 悠you1 忧you1 尤you2 由you2
        邮you2 铀you2 犹you2 油you2 游you2 酉you3 有you3 友you3 右you4 佑you4 釉you4 诱you4 又you4 幼you4 迂yu1 淤yu1 于yu2
        盂yu2 榆yu2 虞yu2 愚yu2 舆yu2 余yu2 俞yu2 逾yu2 鱼yu2 愉yu2 渝yu2 渔yu2 隅yu2 予yu3 娱yu2 雨yu3 与yu3 屿yu3 禹yu3 宇yu3
        语yu3 羽yu3 玉yu4 域yu4 芋yu4 郁yu4 吁xu1 遇yu4 喻yu4 峪yu4 御yu4 愈yu4 欲yu4 狱yu4 育yu4 誉yu4 浴yu4 寓yu4 裕yu4 预yu4
        豫yu4 驭yu4 鸳yuan1 渊yuan1 冤yuan1 元yuan2 垣yuan2 袁yuan2 原yuan2 援yuan2 辕yuan2 园yuan2 员yuan2 圆yuan2 猿yuan2
        源yuan2 缘yuan2 远yuan3 苑yuan4 愿yuan4 怨yuan4 院yuan4 曰yue1 约yue1 越yue4 跃yue4 钥yao4 岳yue4 粤yue4 月yue4
        悦yue4 阅yue4 耘yun2 云yun2 郧yun2 匀yun2 陨yun3 允yun3 运yun4 蕴yun4 酝yun4 晕yun1 韵yun4 孕yun4 匝za1 砸za2 杂za2
        栽zai1 哉zai1 灾zai1 宰zai3 载zai4 再zai4 在zai4 咱zan2 攒zan3 暂zan4 赞zan4 赃zang1 脏zang4 葬zang4 遭zao1 糟zao1
        凿zao2 藻zao3 枣zao3 早zao3 澡zao3 蚤zao3 躁zao4 噪zao4 造zao4 皂zao4 灶zao4 燥zao4 责ze2 择ze2 则ze2 泽ze2 贼zei2
        怎zen3 增zeng1 憎zeng1 曾ceng2 赠zeng4 扎zha1 喳zha1 渣zha1 札zha2 轧ya4 铡zha2 闸zha2 眨zha3 栅zha4 榨zha4 咋za3
        乍zha4 炸zha4 诈zha4 摘zhai1 斋zhai1 宅zhai2 窄zhai3 债zhai4 寨zhai4 瞻zhan1 毡zhan1 詹zhan1 粘zhan1 沾zhan1
        盏zhan3 斩zhan3 辗nian3 崭zhan3 展zhan3 蘸zhan4 栈zhan4 占zhan4 战zhan4 站zhan4 湛zhan4 绽zhan4 樟zhang1 章zhang1
        彰zhang1 漳zhang1 张zhang1 掌zhang3 涨zhang3 杖zhang4 丈zhang4 帐zhang4 账zhang4 仗zhang4 胀zhang4 瘴zhang4
        障zhang4 招zhao1 昭zhao1 找zhao3 沼zhao3 赵zhao4 照zhao4 罩zhao4 兆zhao4 肇zhao4 召zhao4 遮zhe1 折zhe2 哲zhe2
        蛰zhe2 辙zhe2 者zhe3 锗zhe3 蔗zhe4 这zhe4 浙zhe4 珍zhen1 斟zhen1 真zhen1 甄zhen1 砧zhen1 臻zhen1 贞zhen1 针zhen1
        侦zhen1 枕zhen3 疹zhen3 诊zhen3 震zhen4 振zhen4 镇zhen4 阵zhen4 蒸zheng1 挣zheng1 睁zheng1 征zheng1 狰zheng1
        争zheng1 怔zheng1 整zheng3 拯zheng3 正zheng4 政zheng4 帧zhen1 症zheng4 郑zheng4 证zheng4 芝zhi1 枝zhi1 支zhi1
        吱zhi1 蜘zhi1 知zhi1 肢zhi1 脂zhi1 汁zhi1 之zhi1 织zhi1 职zhi2 直zhi2 植zhi2 殖zhi2 执zhi2 值zhi2 侄zhi2 址zhi3
        指zhi3 止zhi3 趾zhi3 只zhi3 旨zhi3 纸zhi3 志zhi4 挚zhi4 掷zhi4 至zhi4 致zhi4 置zhi4 帜zhi4 峙zhi4 制zhi4 智zhi4
        秩zhi4 稚zhi4 质zhi4 炙zhi4 痔zhi4 滞zhi4 治zhi4 窒zhi4 中zhong1 盅zhong1 忠zhong1 钟zhong1 衷zhong1 终zhong1
        种zhong3 肿zhong3 重zhong4 仲zhong4 众zhong4 舟zhou1 周zhou1 州zhou1 洲zhou1 诌zhou1 粥zhou1 轴zhou2 肘zhou3
        帚zhou3 咒zhou4 皱zhou4 宙zhou4 昼zhou4 骤zhou4 珠zhu1 株zhu1 蛛zhu1 朱zhu1 猪zhu1 诸zhu1 诛zhu1 逐zhu2 竹zhu2
        烛zhu2 煮zhu3 拄zhu3 瞩zhu3 嘱zhu3 主zhu3 著zhu4 柱zhu4 助zhu4 蛀zhu4 贮zhu4 铸zhu4 筑zhu4 住zhu4 注zhu4 祝zhu4
        驻zhu4 抓zhua1 爪zhao3 拽zhuai1 专zhuan1 砖zhuan1 转zhuan3 撰zhuan4 赚zhuan4 篆zhuan4 桩zhuang1 庄zhuang1
        装zhuang1 妆zhuang1 撞zhuang4 壮zhuang4 状zhuang4 椎chui2 锥zhui1 追zhui1 赘zhui4 坠zhui4 缀zhui4 谆zhun1 准zhun3
        捉zhuo1 拙zhuo1 卓zhuo2 桌zhuo1 琢zuo2 茁zhuo2 酌zhuo2 啄zhuo2 着zhe5 灼zhuo2 浊zhuo2 兹zi1 咨zi1 资zi1 姿zi1 滋zi1
        淄zi1 孜zi1 紫zi3 仔zai3 籽zi3 滓zi3 子zi5 自zi4 渍zi4 字zi4 鬃zong1 棕zong1 踪zong1 宗zong1 综zong1 总zong3 纵zong4
        邹zou1 走zou3 奏zou4 揍zou4 租zu1 足zu2 卒zu2 族zu2 祖zu3 诅zu3 阻zu3 组zu3 钻zuan1 纂zuan3 嘴zui3 醉zui4 最zui4
        罪zui4 尊zun1 遵zun1 昨zuo2 左zuo3 佐zuo3 柞zha4 做zuo4 作zuo4 坐zuo4 座zuo4 亍chu4 丌ji1 兀wu4 丐gai4 廿nian4 卅sa4
        丕pi1 亘gen4 丞cheng2 鬲ge2 孬nao1 噩e4 丨gun3 禺yu2 丿pie3 匕bi3 乇tuo1 夭yao1 爻yao2 卮zhi1 氐di1 囟xin4 胤yin4
        馗kui2 毓yu4 睾gao1 鼗tao2 丶zhu3 亟ji2 鼐nai4 乜mie1 乩ji1 亓qi2 芈mi3 孛bei4 啬se4 嘏gu3 仄ze4 厍she4 厝cuo4 厣yan3
        厥jue2 厮si1 靥ye4 赝yan4 匚fang1 叵po3 匦gui3 匮kui4 匾bian3 赜ze2 卦gua4 卣you3 刂dao1 刈yi4 刎wen3 刭jing3 刳ku1
        刿gui4 剀kai3 剌la2 剞ji1 剡shan4 剜wan1 蒯kuai3 剽piao1 劂jue2 劁qiao1 劐huo1 劓yi4 冂jiong1 罔wang3 亻ren2 仃ding1
        仉zhang3 仂le4 仨sa1 仡ge1 仫mu4 仞ren4 伛yu3 仳pi3 伢ya2 佤wa3 仵wu3 伥chang1 伧cang1 伉kang4 伫zhu4 佞ning4 佧ka3
        攸you1 佚yi4 佝gou1 佟tong2 佗tuo2 伲ni4 伽ga1 佶ji2 佴er4 侑you4 侉kua3 侃kan3 侏zhu1 佾yi4 佻tiao1 侪chai2 佼jiao3
        侬nong2 侔mou2 俦chou2 俨yan3 俪li4 俅qiu2 俚li3 俣yu3 俜ping1 俑yong3 俟qi2 俸feng4 倩qian4 偌ruo4 俳pai2 倬zhuo1
        倏shu1 倮luo3 倭wo1 俾bi3 倜ti4 倌guan1 倥kong1 倨ju4 偾fen4 偃yan3 偕xie2 偈ji4 偎wei1 偬zong3 偻lou2 傥tang3 傧bin1
        傩nuo2 傺chi4 僖xi1 儆jing3 僭jian4 僬jiao1 僦jiu4 僮tong2 儇xuan1 儋dan1 仝tong2 氽tun3 佘she2 佥qian1 俎zu3 龠yue4
        汆cuan1 籴di2 兮xi1 巽xun4 黉hong2 馘guo2 冁chan3 夔kui2 勹bao1 匍pu2 訇hong1 匐fu2 凫fu2 夙su4 兕si4 亠tou2 兖yan3
        亳bo2 衮gun3 袤mao4 亵xie4 脔luan2 裒pou2 禀bing3 嬴ying2 蠃luo3 羸lei2 冫bing1 冱hu4 冽lie4 冼xian3 凇song1 冖mi4
        冢zhong3 冥ming2 讠yan2 讦jie2 讧hong4 讪shan4 讴ou1 讵ju4 讷ne4 诂gu3 诃he1 诋di3 诏zhao4 诎qu1 诒yi2 诓kuang1
        诔lei3 诖gua4 诘ji2 诙hui1 诜shen1 诟gou4 诠quan2 诤zheng4 诨hun4 诩xu3 诮qiao4 诰gao4 诳kuang2 诶ei2 诹zou1 诼zhuo2
        诿wei3 谀yu2 谂shen3 谄chan3 谇sui4 谌chen2 谏jian4 谑xue4 谒ye4 谔e4 谕yu4 谖xuan1 谙an1 谛di4 谘zi1 谝pian2 谟mo2
        谠dang3 谡su4 谥shi4 谧mi4 谪zhe2 谫jian3 谮zen4 谯qiao2 谲jue2 谳yan4 谵zhan1 谶chen4 卩jie2 卺jin3 阝fu4 阢wu4
        阡qian1 阱jing3 阪ban3 阽dian4 阼zuo4 陂bei1 陉xing2 陔gai1 陟zhi4 陧nie4 陬zou1 陲chui2 陴pi2 隈wei1 隍huang2
        隗kui2 隰xi2 邗han2 邛qiong2 邝kuang4 邙mang2 邬wu1 邡fang1 邴bing3 邳pi1 邶bei4 邺ye4 邸di3 邰tai2 郏jia2 郅zhi4
        邾zhu1 郐kuai4 郄qie4 郇huan2 郓yun4 郦li4 郢ying3 郜gao4 郗xi1 郛fu2 郫pi2 郯tan2 郾yan3 鄄juan4 鄢yan1 鄞yin2
        鄣zhang1 鄱po2 鄯shan4 鄹zou1 酃ling2 酆feng1 刍chu2 奂huan4 劢mai4 劬qu2 劭shao4 劾he2 哿ge3 勐meng3 勖xu4 勰xie2
        叟sou3 燮xie4 矍jue2 廴yin3 凵qian3 凼dang4 鬯chang4 厶si1 弁bian4 畚ben3 巯qiu2 坌ben4 垩e4 垡fa2 塾shu2 墼ji1
        壅yong1 壑he4 圩wei2 圬wu1 圪ge1 圳zhen4 圹kuang4 圮pi3 圯yi2 坜li4 圻qi2 坂ban3 坩gan1 垅long3 坫dian4 垆lu2 坼che4
        坻chi2 坨tuo2 坭ni2 坶mu3 坳ao4 垭ya1 垤die2 垌dong4 垲kai3 埏shan1 垧shang3 垴nao3 垓gai1 垠yin2 埕cheng2 埘shi2
        埚guo1 埙xun1 埒lie4 垸yuan4 埴zhi2 埯an3 埸yi4 埤pi2 埝nian4 堋peng2 堍tu4 埽sao4 埭dai4 堀ku1 堞die2 堙yin1 塄leng2
        堠hou4 塥ge2 塬yuan2 墁man4 墉yong1 墚liang2 墀chi2 馨xin1 鼙pi2 懿yi4 艹cao3 艽jiao1 艿nai3 芏du4 芊qian1 芨ji1
        芄wan2 芎qiong1 芑qi3 芗xiang1 芙fu2 芫yan2 芸yun2 芾fei4 芰ji4 苈li4 苊e4 苣ju4 芘pi2 芷zhi3 芮rui4 苋xian4 苌chang2
        苁cong1 芩qin2 芴wu4 芡qian4 芪qi2 芟shan1 苄bian4 苎zhu4 芤kou1 苡yi3 茉mo4 苷gan1 苤pie3 茏long2 茇ba2 苜mu4 苴ju1
        苒ran3 苘qing3 茌chi2 苻fu2 苓ling2 茑niao3 茚yin4 茆mao2 茔ying2 茕qiong2 苠min2 苕shao2 茜qian4 荑ti2 荛rao2 荜bi4
        茈ci2 莒ju3 茼tong2 茴hui2 茱zhu1 莛ting2 荞qiao2 茯fu2 荏ren3 荇xing4 荃quan2 荟hui4 荀xun2 茗ming2 荠ji4 茭jiao1
        茺chong1 茳jiang1 荦luo4 荥xing2 荨xun2 茛gen4 荩jin4 荬mai3 荪sun1 荭hong2 荮zhou4 莰kan3 荸bi2 莳shi2 莴wo1 莠you3
        莪e2 莓mei2 莜you2 莅li4 荼tu2 莶xian1 莩fu2 荽sui1 莸you2 荻di2 莘shen1 莞guan3 莨lang4 莺ying1 莼chun2 菁jing1
        萁qi2 菥xi1 菘song1 堇jin3 萘nai4 萋qi1 菝ba2 菽shu1 菖chang1 萜tie1 萸yu2 萑huan2 萆bi4 菔fu2 菟tu2 萏dan4 萃cui4
        菸yan1 菹ju1 菪dang4 菅jian1 菀wan3 萦ying2 菰gu1 菡han4 葜qia1 葑feng1 葚ren4 葙xiang1 葳wei1 蒇chan3 蒈kai3 葺qi4
        蒉kui4 葸xi3 萼e4 葆bao3 葩pa1 葶ting2 蒌lou2 蒎pai4 萱xuan1 葭jia1 蓁zhen1 蓍shi1 蓐ru4 蓦mo4 蒽en1 蓓bei4 蓊weng3
        蒿hao1 蒺ji2 蓠li2 蒡bang4 蒹jian1 蒴shuo4 蒗lang4 蓥ying2 蓣yu4 蔌su4 甍meng2 蔸dou1 蓰xi3 蔹lian3 蔟cu4 蔺lin4
        蕖qu2 蔻kou4 蓿xu5 蓼liao3 蕙hui4 蕈xun4 蕨jue2 蕤rui2 蕞zui4 蕺ji2 瞢meng2 蕃fan1 蕲qi2 蕻hong2 薤xie4 薨hong1
        薇wei1 薏yi4 蕹weng4 薮sou3 薜bi4 薅hao1 薹tai2 薷ru2 薰xun1 藓xian3 藁gao3 藜li2 藿huo4 蘧qu2 蘅heng2 蘩fan2 蘖nie4
        蘼mi2 廾gong3 弈yi4 夼kuang3 奁lian2 耷da1 奕yi4 奚xi1 奘zang4 匏pao2 尢you2 尥liao4 尬ga4 尴gan1 扌shou5 扪men2
        抟tuan2 抻chen1 拊fu3 拚pan4 拗ao3 拮jie2 挢jiao3 拶za1 挹yi4 捋lv3 捃jun4 掭tian4 揶ye2 捱ai2 捺na4 掎ji3 掴guai1
        捭bai3 掬ju1 掊pou2 捩lie4 掮qian2 掼guan4 揲die2 揸zha1 揠ya4 揿qin4 揄yu2 揞an3 揎xuan1 摒bing3 揆kui2 掾yuan4
        摅shu1 摁en4 搋chuai1 搛jian1 搠shuo4 搌zhan3 搦nuo4 搡sang3 摞luo4 撄ying1 摭zhi2 撖han4 摺zhe2 撷xie2 撸lu1 撙zun3
        撺cuan1 擀gan3 擐huan4 擗pi3 擤xing3 擢zhuo2 攉huo1 攥zuan4 攮nang3 弋yi4 忒te4 甙dai4 弑shi4 卟bu3 叱chi4 叽ji1
        叩kou4 叨dao1 叻le4 吒zha1 吖ya1 吆yao1 呋fu1 呒wu3 呓yi4 呔dai1 呖li4 呃e4 吡bi3 呗bei5 呙guo1 吣qin4 吲yin3 咂za1
        咔ka1 呷ga1 呱gu1 呤ling4 咚dong1 咛ning2 咄duo1 呶nao2 呦you1 咝si1 哐kuang1 咭ji1 哂shen3 咴hui1 哒da2 咧lie3 咦yi2
        哓xiao1 哔bi4 呲ci1 咣guang1 哕hui4 咻xiu1 咿yi1 哌pai4 哙kuai4 哚duo3 哜ji4 咩mie1 咪mi1 咤zha4 哝nong2 哏gen2
        哞mou1 唛ma4 哧chi1 唠lao2 哽geng3 唔wu2 哳zha1 唢suo3 唣zao4 唏xi1 唑zuo4 唧ji1 唪feng3 啧ze2 喏nuo4 喵miao1 啉lin2
        啭zhuan4 啁zhao1 啕tao2 唿hu1 啐cui4 唼sha4 唷yo1 啖dan4 啵bo1 啶ding4 啷lang1 唳li4 唰shua1 啜chuai4 喋die2 嗒da1
        喃nan2 喱li2 喹kui2 喈jie1 喁yong2 喟kui4 啾jiu1 嗖sou1 喑yin1 啻chi4 嗟jie1 喽lou2 喾ku4 喔o1 喙hui4 嗪qin2 嗷ao2
        嗉su4 嘟du1 嗑ke1 嗫nie4 嗬he1 嗔chen1 嗦suo5 嗝ge2 嗄a2 嗯n2 嗥hao2 嗲die1 嗳ai1 嗌ai4 嗍suo1 嗨hai1 嗵tong1 嗤chi1
        辔pei4 嘞lei5 嘈cao2 嘌piao4 嘁qi1 嘤ying1 嘣beng1 嗾sou3 嘀di2 嘧mi4 嘭peng1 噘jue1 嘹liao2 噗pu1 嘬chuai4 噍jiao4
        噢o1 噙qin2 噜lu1 噌ceng1 噔deng1 嚆hao1 噤jin4 噱jue2 噫yi1 噻sai1 噼pi1 嚅ru2 嚓ca1 嚯huo4 囔nang1 囗wei2 囝jian3
        囡nan1 囵lun2 囫hu2 囹ling2 囿you4 圄yu3 圊qing1 圉yu3 圜huan2 帏wei2 帙zhi4 帔pei4 帑tang3 帱chou2 帻ze2 帼guo2
        帷wei2 幄wo4 幔man4 幛zhang4 幞fu2 幡fan1 岌ji2 屺qi3 岍qian1 岐qi2 岖qu1 岈ya2 岘xian4 岙ao4 岑cen2 岚lan2 岜ba1
        岵hu4 岢ke3 岽dong1 岬jia3 岫xiu4 岱dai4 岣gou3 峁mao3 岷min2 峄yi4 峒dong4 峤jiao4 峋xun2 峥zheng1 崂lao2 崃lai2
        崧song1 崦yan1 崮gu4 崤xiao2 崞guo1 崆kong1 崛jue2 嵘rong2 崾yao3 崴wai3 崽zai3 嵬wei2 嵛yu2 嵯cuo2 嵝lou3 嵫zi1
        嵋mei2 嵊sheng4 嵩song1 嵴ji3 嶂zhang4 嶙lin2 嶝deng4 豳bin1 嶷yi2 巅dian1 彳chi4 彷pang2 徂cu2 徇xun4 徉yang2
        後hou4 徕lai2 徙xi3 徜chang2 徨huang2 徭yao2 徵zheng1 徼jiao3 衢qu2 彡shan1 犭quan3 犰qiu2 犴an4 犷guang3 犸ma4
        狃niu3 狁yun3 狎xia2 狍pao2 狒fei4 狨rong2 狯kuai4 狩shou4 狲sun1 狴bi4 狷juan4 猁li4 狳yu2 猃xian3 狺yin2 狻suan1
        猗yi1 猓guo3 猡luo2 猊ni2 猞she1 猝cu4 猕mi2 猢hu2 猹cha2 猥wei3 猬wei4 猸mei2 猱nao2 獐zhang1 獍jing4 獗jue2 獠liao2
        獬xie4 獯xun1 獾huan1 舛chuan3 夥huo3 飧sun1 夤yin2 夂zhi3 饣shi2 饧tang2 饨tun2 饩xi4 饪ren4 饫yu4 饬chi4 饴yi2
        饷xiang3 饽bo1 馀yu2 馄hun2 馇cha1 馊sou1 馍mo2 馐xiu1 馑jin3 馓san3 馔zhuan4 馕nang2 庀pi3 庑wu3 庋gui3 庖pao2
        庥xiu1 庠xiang2 庹tuo3 庵an1 庾yu3 庳bi4 赓geng1 廒ao2 廑jin3 廛chan2 廨xie4 廪lin3 膺ying1 忄xin5 忉dao1 忖cun3
        忏chan4 怃wu3 忮zhi4 怄ou4 忡chong1 忤wu3 忾kai4 怅chang4 怆chuang4 忪song1 忭bian4 忸niu3 怙hu4 怵chu4 怦peng1
        怛da2 怏yang4 怍zuo4 怩ni2 怫fu2 怊chao1 怿yi4 怡yi2 恸tong4 恹yan1 恻ce4 恺kai3 恂xun2 恪ke4 恽yun4 悖bei4 悚song3
        悭qian1 悝kui1 悃kun3 悒yi4 悌ti4 悛quan1 惬qie4 悻xing4 悱fei3 惝chang3 惘wang3 惆chou2 惚hu1 悴cui4 愠yun4 愦kui4
        愕e4 愣leng4 惴zhui4 愀qiao3 愎bi4 愫su4 慊qian4 慵yong1 憬jing3 憔qiao2 憧chong1 憷chu4 懔lin3 懵meng3 忝tian3
        隳hui1 闩shuan1 闫yan2 闱wei2 闳hong2 闵min3 闶kang1 闼ta4 闾lv2 阃kun3 阄jiu1 阆lang2 阈yu4 阊chang1 阋xi4 阌wen2
        阍hun1 阏e4 阒qu4 阕que4 阖he2 阗tian2 阙que1 阚han3 丬qiang2 爿pan2 戕qiang1 氵shui5 汔qi4 汜si4 汊cha4 沣feng1
        沅yuan2 沐mu4 沔mian3 沌dun4 汨mi4 汩gu3 汴bian4 汶wen4 沆hang4 沩wei2 泐le4 泔gan1 沭shu4 泷long2 泸lu2 泱yang1
        泗si4 沲tuo2 泠ling2 泖mao3 泺luo4 泫xuan4 泮pan4 沱tuo2 泓hong2 泯min3 泾jing1 洹huan2 洧wei3 洌lie4 浃jia1 浈zhen1
        洇yin1 洄hui2 洙zhu1 洎ji4 洫xu4 浍hui4 洮tao2 洵xun2 洚jiang4 浏liu2 浒hu3 浔xun2 洳ru4 涑su4 浯wu2 涞lai2 涠wei2
        浞zhuo2 涓juan1 涔cen2 浜bang1 浠xi1 浼mei3 浣huan4 渚zhu3 淇qi2 淅xi1 淞song1 渎du2 涿zhuo1 淠pi4 渑mian3 淦gan4
        淝fei2 淙cong2 渖shen3 涫guan4 渌lu4 涮shuan4 渫xie4 湮yan1 湎mian3 湫jiao3 溲sou1 湟huang2 溆xu4 湓pen2 湔jian1
        渲xuan4 渥wo4 湄mei2 滟yan4 溱qin2 溘ke4 滠she4 漭mang3 滢ying2 溥pu3 溧li4 溽ru4 溻ta1 溷hun4 滗bi4 溴xiu4 滏fu3
        溏tang2 滂pang1 溟ming2 潢huang2 潆ying2 潇xiao1 漤lan3 漕cao2 滹hu1 漯luo4 漶huan4 潋lian4 潴zhu1 漪yi1 漉lu4
        漩xuan2 澉gan3 澍shu4 澌si1 潸shan1 潲shao4 潼tong2 潺chan2 濑lai4 濉sui1 澧li3 澹dan4 澶chan2 濂lian2 濡ru2 濮pu2
        濞bi4 濠hao2 濯zhuo2 瀚han4 瀣xie4 瀛ying2 瀹yue4 瀵fen4 灏hao4 灞ba4 宀mian2 宄gui3 宕dang4 宓mi4 宥you4 宸chen2
        甯ning2 骞qian1 搴qian1 寤wu4 寮liao2 褰qian1 寰huan2 蹇jian3 謇jian3 辶chuo4 迓ya4 迕wu4 迥jiong3 迮ze2 迤yi2 迩er3
        迦jia1 迳jing4 迨dai4 逅hou4 逄pang2 逋bu1 逦li3 逑qiu2 逍xiao1 逖ti4 逡qun1 逵kui2 逶wei1 逭huan4 逯lu4 遄chuan2
        遑huang2 遒qiu2 遐xia2 遨ao2 遘gou4 遢ta4 遛liu2 暹xian1 遴lin2 遽ju4 邂xie4 邈miao3 邃sui4 邋la1 彐ji4 彗hui4
        彖tuan4 彘zhi4 尻kao1 咫zhi3 屐ji1 屙e1 孱can4 屣xi3 屦ju4 羼chan4 弪jing4 弩nu3 弭mi3 艴fu2 弼bi4 鬻yu4 屮che4
        妁shuo4 妃fei1 妍yan2 妩wu3 妪yu4 妣bi3 妗jin4 姊zi3 妫gui1 妞niu1 妤yu2 姒si4 妲da2 妯zhou2 姗shan1 妾qie4 娅ya4
        娆rao2 姝shu1 娈luan2 姣jiao1 姘pin1 姹cha4 娌li3 娉ping1 娲wa1 娴xian2 娑suo1 娣di4 娓wei3 婀e1 婧jing4 婊biao3
        婕jie2 娼chang1 婢bi4 婵chan2 胬nu3 媪ao3 媛yuan4 婷ting2 婺wu4 媾gou4 嫫mo2 媲pi4 嫒ai4 嫔pin2 媸chi1 嫠li2 嫣yan1
        嫱qiang2 嫖piao2 嫦chang2 嫘lei2 嫜zhang1 嬉xi1 嬗shan4 嬖bi4 嬲niao3 嬷ma1 孀shuang1 尕ga3 尜ga2 孚fu2 孥nu2 孳zi1
        孑jie2 孓jue2 孢bao1 驵zang3 驷si4 驸fu4 驺zou1 驿yi4 驽nu2 骀dai4 骁xiao1 骅hua2 骈pian2 骊li2 骐qi2 骒ke4 骓zhui1
        骖can1 骘zhi4 骛wu4 骜ao4 骝liu2 骟shan4 骠biao1 骢cong1 骣chan3 骥ji4 骧xiang1 纟si1 纡yu1 纣zhou4 纥ge1 纨wan2
        纩kuang4 纭yun2 纰pi1 纾shu1 绀gan4 绁xie4 绂fu2 绉zhou4 绋fu2 绌chu4 绐dai4 绔ku4 绗hang2 绛jiang4 绠geng3 绡xiao1
        绨ti2 绫ling2 绮qi3 绯fei1 绱shang4 绲gun3 缍duo3 绶shou4 绺liu3 绻quan3 绾wan3 缁zi1 缂ke4 缃xiang1 缇ti2 缈miao3
        缋hui4 缌si1 缏bian4 缑gou1 缒zhui4 缗min2 缙jin4 缜zhen3 缛ru4 缟gao3 缡li2 缢yi4 缣jian1 缤bin1 缥piao1 缦man4
        缧lei2 缪mou2 缫sao1 缬xie2 缭liao2 缯zeng1 缰jiang1 缱qian3 缲qiao1 缳huan2 缵zuan3 幺yao1 畿ji1 巛chuan1 甾zai1
        邕yong1 玎ding1 玑ji1 玮wei3 玢bin1 玟wen2 珏jue2 珂ke1 珑long2 玷dian4 玳dai4 珀po4 珉min2 珈jia1 珥er3 珙gong3
        顼xu1 琊ya2 珩hang2 珧yao2 珞luo4 玺xi3 珲hui1 琏lian3 琪qi2 瑛ying1 琦qi2 琥hu3 琨kun1 琰yan3 琮cong2 琬wan3 琛chen1
        琚ju1 瑁mao4 瑜yu2 瑗yuan4 瑕xia2 瑙nao3 瑷ai4 瑭tang2 瑾jin3 璜huang2 璎ying1 璀cui3 璁cong1 璇xuan2 璋zhang1 璞pu2
        璨can4 璩qu2 璐lu4 璧bi4 瓒zan4 璺wen4 韪wei3 韫yun4 韬tao1 杌wu4 杓biao1 杞qi3 杈cha1 杩ma4 枥li4 枇pi2 杪miao3
        杳yao3 枘rui4 枧jian3 杵chu3 枨cheng2 枞cong1 枭xiao1 枋fang1 杷pa2 杼zhu4 柰nai4 栉zhi4 柘zhe4 栊long2 柩jiu4
        枰ping2 栌lu2 柙xia2 枵xiao1 柚you4 枳zhi3 柝tuo4 栀zhi1 柃ling2 枸gou3 柢di3 栎li4 柁duo4 柽cheng1 栲kao3 栳lao3
        桠ya1 桡rao2 桎zhi4 桢zhen1 桄guang1 桤qi1 梃ting3 栝gua1 桕jiu4 桦hua4 桁heng2 桧gui4 桀jie2 栾luan2 桊juan4 桉an1
        栩xu3 梵fan4 梏gu4 桴fu2 桷jue2 梓zi3 桫suo1 棂ling2 楮chu3 棼fen2 椟du2 椠qian4 棹zhao4 椤luo2 棰chui2 椋liang2
        椁guo3 楗jian4 棣di4 椐ju1 楱zou4 椹shen4 楠nan2 楂zha1 楝lian4 榄lan3 楫ji2 榀pin3 榘ju3 楸qiu1 椴duan4 槌chui2
        榇chen4 榈lv2 槎cha2 榉ju3 楦xuan4 楣mei2 楹ying2 榛zhen1 榧fei3 榻ta4 榫sun3 榭xie4 槔gao1 榱cui1 槁gao3 槊shuo4
        槟bin1 榕rong2 槠zhu1 榍xie4 槿jin3 樯qiang2 槭qi1 樗chu1 樘tang2 橥zhu1 槲hu2 橄gan3 樾yue4 檠qing2 橐tuo2 橛jue2
        樵qiao2 檎qin2 橹lu3 樽zun1 樨xi1 橘ju2 橼yuan2 檑lei2 檐yan2 檩lin3 檗bo4 檫cha2 猷you2 獒ao2 殁mo4 殂cu2 殇shang1
        殄tian3 殒yun3 殓lian4 殍piao3 殚dan1 殛ji2 殡bin4 殪yi4 轫ren4 轭e4 轱gu1 轲ke1 轳lu2 轵zhi3 轶yi4 轸zhen3 轷hu1
        轹li4 轺yao2 轼shi4 轾zhi4 辁quan2 辂lu4 辄zhe2 辇nian3 辋wang3 辍chuo4 辎zi1 辏cou4 辘lu4 辚lin2 軎wei4 戋jian1
        戗qiang1 戛jia2 戟ji3 戢ji2 戡kan1 戥deng3 戤gai4 戬jian3 臧zang1 瓯ou1 瓴ling2 瓿bu4 甏beng4 甑zeng4 甓pi4 攴pu1
        旮ga1 旯la2 旰gan4 昊hao4 昙tan2 杲gao3 昃ze4 昕xin1 昀yun2 炅jiong3 曷he2 昝zan3 昴mao3 昱yu4 昶chang3 昵ni4 耆qi2
        晟cheng2 晔ye4 晁chao2 晏yan4 晖hui1 晡bu1 晗han2 晷gui3 暄xuan1 暌kui2 暧ai4 暝ming2 暾tun1 曛xun1 曜yao4 曦xi1
        曩nang3 贲ben1 贳shi4 贶kuang4 贻yi2 贽zhi4 赀zi1 赅gai1 赆jin4 赈zhen4 赉lai4 赇qiu2 赍ji1 赕dan3 赙fu4 觇chan1
        觊ji4 觋xi2 觌di2 觎yu2 觏gou4 觐jin4 觑qu4 牮jian4 犟jiang4 牝pin4 牦mao2 牯gu3 牾wu3 牿gu4 犄ji1 犋ju4 犍jian1
        犏pian1 犒kao4 挈qie4 挲sa1 掰bai1 搿ge2 擘bai1 耄mao4 毪mu2 毳cui4 毽jian4 毵san1 毹shu1 氅chang3 氇lu5 氆pu3 氍qu2
        氕pie1 氘dao1 氙xian1 氚chuan1 氡dong1 氩ya4 氤yin1 氪ke4 氲yun1 攵pu1 敕chi4 敫jiao3 牍du2 牒die2 牖you3 爰yuan2
        虢guo2 刖yue4 肟wo4 肜rong2 肓huang1 肼jing3 朊ruan3 肽tai4 肱gong1 肫zhun1 肭na4 肴yao2 肷qian3 胧long2 胨dong4
        胩ka3 胪lu2 胛jia3 胂shen4 胄zhou4 胙zuo4 胍gua1 胗zhen1 朐qu2 胝zhi1 胫jing4 胱guang1 胴dong4 胭yan1 脍kuai4 脎sa4
        胲hai3 胼pian2 朕zhen4 脒mi3 豚tun2 脶luo2 脞cuo3 脬pao1 脘wan3 脲niao4 腈jing1 腌yan1 腓fei2 腴yu2 腙zong1 腚ding4
        腱jian4 腠cou4 腩nan3 腼mian3 腽wa4 腭e4 腧shu4 塍cheng2 媵ying4 膈ge2 膂lv3 膑bin4 滕teng2 膣zhi4 膪chuai4 臌gu3
        朦meng2 臊sao1 膻shan1 臁lian2 膦lin4 欤yu2 欷xi1 欹yi1 歃sha4 歆xin1 歙she4 飑biao1 飒sa4 飓ju4 飕sou1 飙biao1
        飚biao1 殳shu1 彀gou4 毂gu3 觳hu2 斐fei3 齑ji1 斓lan2 於yu2 旆pei4 旄mao2 旃zhan1 旌jing1 旎ni3 旒liu2 旖yi3 炀yang2
        炜wei3 炖dun4 炝qiang4 炻shi2 烀hu1 炷zhu4 炫xuan4 炱tai2 烨ye4 烊yang2 焐wu4 焓han2 焖men4 焯chao1 焱yan4 煳hu2
        煜yu4 煨wei1 煅duan4 煲bao1 煊xuan1 煸bian1 煺tui4 熘liu1 熳man4 熵shang1 熨yun4 熠yi4 燠yu4 燔fan2 燧sui4 燹xian3
        爝jue2 爨cuan4 灬biao1 焘dao4 煦xu4 熹xi1 戾li4 戽hu4 扃jiong1 扈hu4 扉fei1 礻shi4 祀si4 祆xian1 祉zhi3 祛qu1 祜hu4
        祓fu2 祚zuo4 祢mi2 祗zhi1 祠ci2 祯zhen1 祧tiao1 祺qi2 禅chan2 禊xi4 禚zhuo2 禧xi3 禳rang2 忑te4 忐tan3 怼dui4 恝jia2
        恚hui4 恧nv4 恁nen4 恙yang4 恣zi4 悫que4 愆qian1 愍min3 慝te4 憩qi4 憝dui4 懋mao4 懑men4 戆gang4 肀yu4 聿yu4 沓da2
        泶xue2 淼miao3 矶ji1 矸gan1 砀dang4 砉huo4 砗che1 砘dun4 砑ya4 斫zhuo2 砭bian1 砜feng1 砝fa2 砹ai4 砺li4 砻long2
        砟zha3 砼tong2 砥di3 砬la2 砣tuo2 砩fu2 硎xing2 硭mang2 硖xia2 硗qiao1 砦zhai4 硐dong4 硇nao2 硌ge4 硪wo4 碛qi4
        碓dui4 碚bei4 碇ding4 碜chen3 碡du2 碣jie2 碲di4 碹xuan4 碥bian3 磔zhe2 磙gun3 磉sang3 磬qing4 磲qu2 礅dun1 磴deng4
        礓jiang1 礤ca3 礞meng2 礴bo2 龛kan1 黹zhi3 黻fu2 黼fu3 盱xu1 眄mian3 眍kou1 盹dun3 眇miao3 眈dan1 眚sheng3 眢yuan1
        眙yi2 眭sui1 眦zi4 眵chi1 眸mou2 睐lai4 睑jian3 睇di4 睃suo1 睚ya2 睨ni4 睢sui1 睥pi4 睿rui4 瞍sou3 睽kui2 瞀mao4
        瞌ke1 瞑ming2 瞟piao3 瞠cheng1 瞰kan4 瞵lin2 瞽gu3 町ting1 畀bi4 畎quan3 畋tian2 畈fan4 畛zhen3 畲she1 畹wan3
        疃tuan3 罘fu2 罡gang1 罟gu3 詈li4 罨yan3 罴pi2 罱lan3 罹li2 羁ji1 罾zeng1 盍he2 盥guan4 蠲juan1 钅jin1 钆ga2 钇yi3
        钋po1 钊zhao1 钌liao3 钍tu3 钏chuan4 钐shan1 钔men2 钗chai1 钕nv3 钚bu4 钛tai4 钜ju4 钣ban3 钤qian2 钫fang1 钪kang4
        钭tou3 钬huo3 钯ba3 钰yu4 钲zheng1 钴gu3 钶ke1 钷po3 钸bu1 钹bo2 钺yue4 钼mu4 钽tan3 钿dian4 铄shuo4 铈shi4 铉xuan4
        铊ta1 铋bi4 铌ni2 铍pi1 铎duo2 铐kao4 铑lao3 铒er3 铕you3 铖cheng2 铗jia2 铙nao2 铘ye2 铛dang1 铞diao4 铟yin1 铠kai3
        铢zhu1 铤ding4 铥diu1 铧hua2 铨quan2 铪ha1 铩sha1 铫diao4 铮zheng1 铯se4 铳chong4 铴tang1 铵an3 铷ru2 铹lao2 铼lai2
        铽te4 铿keng1 锃zeng4 锂li3 锆gao4 锇e2 锉cuo4 锊lve4 锍liu3 锎kai1 锏jian3 锒lang2 锓qin3 锔ju1 锕a1 锖qiang1 锘nuo4
        锛ben1 锝de2 锞ke4 锟kun1 锢gu4 锪huo1 锫pei2 锩juan3 锬tan2 锱zi1 锲qie4 锴kai3 锶si1 锷e4 锸cha1 锼sou1 锾huan2
        锿ai1 镂lou4 锵qiang1 镄fei4 镅mei2 镆mo4 镉ge2 镌juan1 镎na2 镏liu2 镒yi4 镓jia1 镔bin1 镖biao1 镗tang1 镘man4
        镙luo2 镛yong1 镞zu2 镟xuan4 镝di1 镡chan2 镢jue2 镤pu2 镥lu3 镦dui4 镧lan2 镨pu3 镩cuan1 镪qiang1 镫deng4 镬huo4
        镯zhuo2 镱yi4 镲cha3 镳biao1 锺zhong1 矧shen3 矬cuo2 雉zhi4 秕bi3 秭zi3 秣mo4 秫shu2 稆lv3 嵇ji1 稃fu1 稂lang2 稞ke1
        稔ren3 稹zhen3 稷ji4 穑se4 黏nian2 馥fu4 穰rang2 皈gui1 皎jiao3 皓hao4 皙xi1 皤po2 瓞die2 瓠hu4 甬yong3 鸠jiu1
        鸢yuan1 鸨bao3 鸩zhen4 鸪gu1 鸫dong1 鸬lu2 鸲qu2 鸱chi1 鸶si1 鸸er2 鸷zhi4 鸹gua1 鸺xiu1 鸾luan2 鹁bo2 鹂li2 鹄gu3
        鹆yu4 鹇xian2 鹈ti2 鹉wu3 鹋miao2 鹌an1 鹎bei1 鹑chun2 鹕hu2 鹗e4 鹚ci2 鹛mei2 鹜wu4 鹞yao4 鹣jian1 鹦ying1 鹧zhe4
        鹨liu4 鹩liao2 鹪jiao1 鹫jiu4 鹬yu4 鹱hu4 鹭lu4 鹳guan4 疒ne4 疔ding1 疖jie1 疠li4 疝shan4 疬li4 疣you2 疳gan1 疴ke1
        疸dan3 痄zha4 疱pao4 疰zhu4 痃xuan2 痂jia1 痖ya3 痍yi2 痣zhi4 痨lao2 痦wu4 痤cuo2 痫xian2 痧sha1 瘃zhu2 痱fei4 痼gu4
        痿wei3 瘐yu3 瘀yu1 瘅dan1 瘌la4 瘗yi4 瘊hou2 瘥chai4 瘘lou4 瘕jia3 瘙sao4 瘛chi4 瘼mo4 瘢ban1 瘠ji2 癀huang2 瘭biao1
        瘰luo3 瘿ying3 瘵zhai4 癃long2 瘾yin3 瘳chou1 癍ban1 癞lai4 癔yi4 癜dian4 癖pi3 癫dian1 癯qu2 翊yi4 竦song3 穸xi1
        穹qiong2 窀zhun1 窆bian3 窈yao3 窕tiao3 窦dou4 窠ke1 窬yu2 窨xun1 窭ju4 窳yu3 衤yi1 衩cha3 衲na4 衽ren4 衿jin1 袂mei4
        袢pan4 裆dang1 袷jia2 袼ge1 裉ken4 裢lian2 裎cheng2 裣lian3 裥jian3 裱biao3 褚chu3 裼ti4 裨bi4 裾ju1 裰duo1 褡da1
        褙bei4 褓bao3 褛lv3 褊bian3 褴lan2 褫chi3 褶zhe3 襁qiang3 襦ru2 襻pan4 疋pi3 胥xu1 皲jun1 皴cun1 矜jin1 耒lei3 耔zi3
        耖chao4 耜si4 耠huo1 耢lao4 耥tang1 耦ou3 耧lou2 耩jiang3 耨nou4 耱mo4 耋die2 耵ding1 聃dan1 聆ling2 聍ning2 聒gua1
        聩kui4 聱ao2 覃tan2 顸han1 颀qi2 颃hang2 颉jie2 颌he2 颍ying3 颏ke1 颔han4 颚e4 颛zhuan1 颞nie4 颟man1 颡sang3 颢hao4
        颥ru2 颦pin2 虍hu1 虔qian2 虬qiu2 虮ji3 虿chai4 虺hui1 虼ge4 虻meng2 蚨fu2 蚍pi2 蚋rui4 蚬xian3 蚝hao2 蚧jie4 蚣gong1
        蚪dou3 蚓yin3 蚩chi1 蚶han1 蛄gu1 蚵he2 蛎li4 蚰you2 蚺ran2 蚱zha4 蚯qiu1 蛉ling2 蛏cheng1 蚴you4 蛩qiong2 蛱jia2
        蛲nao2 蛭zhi4 蛳si1 蛐qu1 蜓ting2 蛞kuo4 蛴qi2 蛟jiao1 蛘yang2 蛑mou2 蜃shen4 蜇zhe1 蛸shao1 蜈wu2 蜊li2 蜍chu2 蜉fu2
        蜣qiang1 蜻qing1 蜞qi2 蜥xi1 蜮yu4 蜚fei1 蜾guo3 蝈guo1 蜴yi4 蜱pi2 蜩tiao2 蜷quan2 蜿wan1 螂lang2 蜢meng3 蝽chun1
        蝾rong2 蝻nan3 蝠fu2 蝰kui2 蝌ke1 蝮fu4 螋sou1 蝓yu2 蝣you2 蝼lou2 蝤qiu2 蝙bian1 蝥mao2 螓qin2 螯ao2 螨man3 蟒mang3
        蟆ma2 螈yuan2 螅xi1 螭chi1 螗tang2 螃pang2 螫shi4 蟥huang2 螬cao2 螵piao1 螳tang2 蟋xi1 蟓xiang4 螽zhong1 蟑zhang1
        蟀shuai4 蟊mao2 蟛peng2 蟪hui4 蟠pan2 蟮shan4 蠖huo4 蠓meng3 蟾chan2 蠊lian2 蠛mie4 蠡li2 蠹du4 蠼qu2 缶fou3 罂ying1
        罄qing4 罅xia4 舐shi4 竺zhu2 竽yu2 笈ji2 笃du3 笄ji1 笕jian3 笊zhao4 笫zi3 笏hu4 筇qiong2 笸po3 笪da2 笙sheng1 笮ze2
        笱gou3 笠li4 笥si4 笤tiao2 笳jia1 笾bian1 笞chi1 筘kou4 筚bi4 筅xian3 筵yan2 筌quan2 筝zheng1 筠yun2 筮shi4 筻gang4
        筢pa2 筲shao1 筱xiao3 箐qing4 箦ze2 箧qie4 箸zhu4 箬ruo4 箝qian2 箨tuo4 箅bi4 箪dan1 箜kong1 箢yuan1 箫xiao1 箴zhen1
        篑kui4 篁huang2 篌hou2 篝gou1 篚fei3 篥li4 篦bi4 篪chi2 簌su4 篾mie4 篼dou1 簏lu4 簖duan4 簋gui3 簟dian4 簪zan1
        簦deng1 簸bo3 籁lai4 籀zhou4 臾yu2 舁yu2 舂chong1 舄xi4 臬nie4 衄nv4 舡chuan2 舢shan1 舣yi3 舭bi3 舯zhong1 舨ban3
        舫fang3 舸ge3 舻lu2 舳zhu2 舴ze2 舾xi1 艄shao1 艉wei3 艋meng3 艏shou3 艚cao2 艟chong1 艨meng2 衾qin1 袅niao3 袈jia1
        裘qiu2 裟sha1 襞bi4 羝di1 羟qiang3 羧suo1 羯jie2 羰tang1 羲xi1 籼xian1 敉mi3 粑ba1 粝li4 粜tiao4 粞xi1 粢zi1 粲can4
        粼lin2 粽zong4 糁san3 糇hou2 糌zan1 糍ci2 糈xu3 糅rou2 糗qiu3 糨jiang4 艮gen3 暨ji4 羿yi4 翎ling2 翕xi1 翥zhu4 翡fei3
        翦jian3 翩pian1 翮he2 翳yi4 糸mi4 絷zhi2 綦qi2 綮qi3 繇yao2 纛dao4 麸fu1 麴qu1 赳jiu1 趄ju1 趔lie4 趑zi1 趱zan3 赧nan3
        赭zhe3 豇jiang1 豉shi4 酊ding1 酐gan1 酎zhou4 酏yi3 酤gu1 酢cu4 酡tuo2 酰xian1 酩ming3 酯zhi3 酽yan4 酾shai1
        酲cheng2 酴tu2 酹lei4 醌kun1 醅pei1 醐hu2 醍ti2 醑xu3 醢hai3 醣tang2 醪lao2 醭bu2 醮jiao4 醯xi1 醵ju4 醴li3 醺xun1
        豕shi3 鹾cuo2 趸dun3 跫qiong2 踅xue2 蹙cu4 蹩bie2 趵bao4 趿ta1 趼jian3 趺fu1 跄qiang1 跖zhi2 跗fu1 跚shan1 跞li4
        跎tuo2 跏jia1 跛bo3 跆tai2 跬kui3 跷qiao1 跸bi4 跣xian3 跹xian1 跻ji1 跤jiao1 踉liang2 跽ji4 踔chuo1 踝huai2 踟chi2
        踬zhi4 踮dian3 踣bo2 踯zhi2 踺jian4 蹀die2 踹chuai4 踵zhong3 踽ju3 踱duo2 蹉cuo1 蹁pian2 蹂rou2 蹑nie4 蹒pan2 蹊qi1
        蹰chu2 蹶jue2 蹼pu3 蹯fan2 蹴cu4 躅zhu2 躏lin4 躔chan2 躐lie4 躜zuan1 躞xie4 豸zhi4 貂diao1 貊mo4 貅xiu1 貘mo4 貔pi2
        斛hu2 觖jue2 觞shang1 觚gu1 觜zi1 觥gong1 觫su4 觯zhi4 訾zi1 謦qing3 靓jing4 雩yu2 雳li4 雯wen2 霆ting2 霁ji4 霈pei4
        霏fei1 霎sha4 霪yin2 霭ai3 霰xian4 霾mai2 龀chen4 龃ju3 龅bao1 龆tiao2 龇zi1 龈ken3 龉yu3 龊chuo4 龌wo4 黾min3
        鼋yuan2 鼍tuo2 隹zhui1 隼sun3 隽juan4 雎ju1 雒luo4 瞿qu2 雠chou2 銎qiong2 銮luan2 鋈wu4 錾zan4 鍪mou2 鏊ao4 鎏liu2
        鐾bei4 鑫xin1 鱿you2 鲂fang2 鲅ba4 鲆ping2 鲇nian2 鲈lu2 稣su1 鲋fu4 鲎hou4 鲐tai2 鲑gui1 鲒jie2 鲔wei3 鲕er2 鲚ji4
        鲛jiao1 鲞xiang3 鲟xun2 鲠geng3 鲡li2 鲢lian2 鲣jian1 鲥shi2 鲦tiao2 鲧gun3 鲨sha1 鲩huan4 鲫ji4 鲭qing1 鲮ling2
        鲰zou1 鲱fei1 鲲kun1 鲳chang1 鲴gu4 鲵ni2 鲶nian2 鲷diao1 鲺shi1 鲻zi1 鲼fen4 鲽die2 鳄e4 鳅qiu1 鳆fu4 鳇huang2
        鳊bian1 鳋sao1 鳌ao2 鳍qi2 鳎ta3 鳏guan1 鳐yao2 鳓le4 鳔biao4 鳕xue3 鳗man2 鳘min3 鳙yong1 鳜gui4 鳝shan4 鳟zun1
        鳢li3 靼da2 鞅yang1 鞑da2 鞒qiao2 鞔man2 鞯jian1 鞫ju1 鞣rou2 鞲gou1 鞴bei4 骱jie4 骰tou2 骷ku1 鹘gu3 骶di3 骺hou2
        骼ge2 髁ke1 髀bi4 髅lou2 髂qia4 髋kuan1 髌bin4 髑du2 魅mei4 魃ba2 魇yan3 魉liang3 魈xiao1 魍wang3 魑chi1 飨xiang3
        餍yan4 餮tie4 饕tao1 饔yong1 髟biao1 髡kun1 髦mao2 髯ran2 髫tiao2 髻ji4 髭zi1 髹xiu1 鬈quan2 鬏jiu1 鬓bin4 鬟huan2
        鬣lie4 麽mo2 麾hui1 縻mi2 麂ji3 麇jun1 麈zhu3 麋mi2 麒qi2 鏖ao2 麝she4 麟lin2 黛dai4 黜chu4 黝you3 黠xia2 黟yi1 黢qu1
        黩du2 黧li2 黥qing2 黪can3 黯an4 鼢fen2 鼬you4 鼯wu2 鼹yan3 鼷xi1 鼽qiu2 鼾han1 齄zha1
        """
}
