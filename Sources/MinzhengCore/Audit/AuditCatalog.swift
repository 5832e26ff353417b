/// The words of the audit trail (审计记录): the Chinese name of every action the code
/// records and of every kind of object, for the audit page, its filter and its CSV. An
/// action the catalogue does not know is shown as its code (AuditCatalogTests checks that
/// every action recorded in the sources is here).
public enum AuditCatalog {
    public struct Action: Sendable, Hashable {
        public let code: String
        public let name: String
    }

    /// Every action, grouped by what it acts on, in the order the filter lists them.
    public static let actions: [Action] =
        list([
            ("person.create", "登记人员"), ("person.update", "修改人员信息"), ("person.viewIdentity", "查看完整身份证号"),
            ("person.duplicate.refused", "拒绝重复登记（身份证号已登记）"), ("person.bankAccount", "设置银行账户"),
            ("person.death", "登记死亡（部门数据）"),
            ("household.create", "登记家庭"), ("household.update", "修改家庭信息"), ("household.headChange", "变更户主（原户主已故）"),
            ("membership.create", "成员迁入家庭"), ("membership.end", "成员迁出家庭"),
            ("registry.import", "批量导入家庭档案"), ("registry.seed", "生成演示数据"), ("demo.caseload", "生成演示业务数据"),
            ("application.submit", "提交救助申请"),
        ]) + WorkflowActionKind.allCases.map { Action(code: "application.\($0.rawValue)", name: "救助申请：\($0.chinese)") }
        + list([
            ("application.document.add", "上传申请材料"),
            ("enrollment.create", "新增救助待遇（审批通过）"), ("enrollment.suspended", "暂停救助待遇"),
            ("enrollment.active", "恢复救助待遇"), ("enrollment.ended", "终止救助待遇"),
            ("enrollment.memberChange", "成员变化后重新核算待遇"), ("enrollment.review.confirm", "确认待遇变更"),
            ("enrollment.review.correct", "更正待遇变更金额"),
            ("payroll.generate", "生成发放名册"), ("payroll.approve", "审核通过发放名册"), ("payroll.export", "导出银行发放文件"),
            ("payroll.reconcile", "导入银行回盘文件"), ("payroll.recalculate", "调标重算待遇"),
            ("seniorAllowance.run", "尊老金免申即享月度核对（纳入、调档、停发）"), ("seniorAllowance.wrongPayments.export", "导出尊老金疑似错发清单"),
            ("visit.record", "记录走访结果"), ("visit.schedule", "生成月度走访任务"), ("visit.escalate", "超期走访升级到街道"),
            ("alert.watch", "独居老人未走访巡查"), ("feed.ingest", "接收部门数据"),
            ("policy.parameter.create", "新增政策参数版本"), ("catalog.item.update", "修改救助事项设置"),
            ("portal.service.update", "修改民政通办事指南"),
            ("user.create", "创建账户"), ("user.register", "居民注册账户"), ("user.disable", "停用账户"), ("user.enable", "启用账户"),
            ("user.password.reset", "重置密码"), ("user.password.change", "修改密码"), ("user.locked", "账户锁定（密码错误过多）"),
            ("token.issue", "登录并签发接口令牌"), ("api_token.revoke", "吊销接口令牌"),
            ("home_care.provider.create", "登记居家服务组织"), ("home_care.worker.create", "登记居家服务人员"),
            ("home_care.order.request", "受理居家上门服务"), ("home_care.order.clear", "核查通过居家服务预警"),
            ("home_care.settlement.export", "导出居家服务结算单"), ("demo.home_care", "生成演示居家服务数据"),
            ("adaptation.screen", "适老化改造对象筛查"), ("adaptation.photo", "上传适老化改造完工照片"),
            ("ability.assessment.record", "记录老年人能力评估"),
            ("facility.create", "登记养老服务设施"), ("facility.update", "修改养老服务设施"), ("facility.seed", "生成演示养老设施"),
            ("facility.grade.apply", "提交等级评定申请"), ("facility.grade.score", "录入等级评定评分"),
            ("facility.grade.publicize", "等级评定结果公示"), ("facility.grade.decide", "作出等级评定决定"),
            ("facility.grade.lapse", "养老机构等级到期失效"), ("facility.grade.suspend", "养老机构等级暂停（重大隐患超期）"),
            ("inspection.round.create", "创建安全检查批次"), ("inspection.record", "记录安全检查"),
            ("hazard.evidence", "上传隐患整改照片"), ("hazard.reinspect", "隐患复查"), ("hazard.escalate", "超期隐患升级"),
            ("facility.price.add", "登记养老设施收费项目"), ("facility.price.remove", "删除养老设施收费项目"),
            ("region.location.set", "登记街道/社区驻地位置"), ("advice.submit", "养老顾问：收到咨询或照护需求"),
            ("advice.answer", "养老顾问：答复"), ("demo.service_map", "生成演示养老服务地图数据"),
            ("person.selfExport", "本人下载个人信息副本"), ("correction.request", "本人申请更正个人信息"),
            ("correction.decide", "处理个人信息更正申请"),
            ("progress.code.send", "办件查询：发送验证码到登记手机"), ("progress.code.wrong", "办件查询：验证码错误"),
            ("progress.lookup", "办件查询：凭验证码查询办理进度"),
            ("backup.create", "备份数据库"), ("backup.restore", "从备份恢复数据库"),
            ("keys.rotation.start", "开始轮换数据密钥"), ("keys.rotation.resume", "继续中断的数据密钥轮换"),
            ("keys.rotation.complete", "完成数据密钥轮换（旧密钥归档）"),
            ("booking.create", "预约：提交"), ("booking.confirm", "预约：另一方确认"), ("booking.lapse", "预约：未确认失效"),
            ("booking.lotteryRequest", "预约：热门日期摇号申请"), ("booking.rules", "预约规则：新增一段"), ("booking.draw", "预约：热门日期抽签"),
            ("marriage.register", "结婚登记"), ("marriage.replaceCertificate", "婚姻登记：补领证书"),
            ("divorce.apply", "离婚申请受理"), ("divorce.withdraw", "离婚申请撤回"), ("divorce.register", "离婚登记"),
            ("divorce.lapse", "离婚申请逾期视为撤回"), ("booking.slots", "预约：开放时段"), ("demo.bookings", "生成演示预约数据"),
            ("demo.marriages", "生成演示婚姻登记数据"),
            ("funeral.price.add", "殡葬收费：新增或调整公示价格"), ("funeral.bill.create", "殡葬收费：开具账单"),
            ("death.certificate.record", "登记死亡证明编号"), ("demo.funeral", "生成演示殡葬服务数据"),
            ("cemetery.allocate", "公益性公墓：安葬登记"), ("cemetery.reserve", "公益性公墓：为在世配偶预留"),
            ("cemetery.renew", "公益性公墓：续期"), ("funeral.subsidy.propose", "殡葬补贴：提交街道审核"),
            ("funeral.subsidy.approve", "殡葬补贴：街道批准"), ("funeral.subsidy.refuse", "殡葬补贴：街道不予批准"),
            ("disabilitySubsidy.propose", "残疾人两项补贴：提交街道确认"),
            ("disabilitySubsidy.confirm", "残疾人两项补贴：街道确认纳入"),
            ("disabilitySubsidy.refuse", "残疾人两项补贴：街道不予确认"),
            ("disabilitySubsidy.stop", "残疾人两项补贴：年审停发"),
            ("childCase.report", "未成年人保护：受理报告"), ("childCase.view", "未成年人保护：查阅个案"),
            ("childCase.assign", "未成年人保护：分派承办人和督导员"), ("childCase.record", "未成年人保护：记录响应、走访或计划"),
            ("childCase.refer", "未成年人保护：转介部门"), ("childCase.answerReferral", "未成年人保护：登记部门回复"),
            ("childCase.chaseReferral", "未成年人保护：催办转介"), ("childCase.proposeClosure", "未成年人保护：申请结案"),
            ("childCase.approveClosure", "未成年人保护：督导员同意结案"),
            ("childCase.rejectClosure", "未成年人保护：督导员退回结案"),
            ("familySearch.report", "寻亲登记：家属登记走失人员"), ("familySearch.notice", "寻亲公告：登记受助人员并发布"),
            ("familySearch.match", "寻亲比对：发现候选"), ("familySearch.confirm", "寻亲比对：确认为同一人"),
            ("familySearch.reject", "寻亲比对：排除"), ("familySearch.reunite", "寻亲：通知家属并登记团聚"),
            ("familySearch.photo", "寻亲登记：上传走失者照片"),
            ("demo.familySearch", "生成演示寻亲数据"),
            ("station.intake", "救助站：受助人员入站登记"), ("station.entry", "救助站：登记床位、餐食或医疗"),
            ("station.check", "救助站：服务规范检查项完成"), ("station.photo", "救助站：上传受助人员照片"),
            ("station.face", "救助站：选定寻亲公告照片"), ("station.notice", "救助站：发布寻亲公告"),
            ("station.outcome", "救助站：登记去向"), ("station.takeDown", "救助站：身份查明，撤下寻亲公告"),
            ("demo.station", "生成演示救助站个案"),
            ("child.category.record", "儿童保障：认定类别"), ("child.category.change", "儿童保障：变更类别"),
            ("child.category.end", "儿童保障：终止类别"), ("child.ageOut", "儿童保障：年龄届满自动终止"),
            ("child.benefitEnd", "儿童保障：年满18周岁待遇次月终止"),
            ("child.visit.schedule", "儿童主任巡访：生成本期巡访任务"), ("child.visit.record", "儿童主任巡访：记录巡访"),
            ("child.careHome.create", "关爱之家：登记"), ("child.careHome.activity", "关爱之家：记录活动"),
            ("child.careHome.attend", "关爱之家：儿童加入"),
            ("organisation.seed", "社会组织：写入演示数据"), ("organisation.create", "社会组织：登记"),
            ("organisation.account", "社会组织：开通组织账户"),
            ("organisation.report.file", "社会组织：报送年度工作报告"),
            ("organisation.report.review", "社会组织：年检结论"),
            ("organisation.listAbnormal", "社会组织：列入活动异常名录"),
            ("organisation.removeAbnormal", "社会组织：移出活动异常名录"),
            ("organisation.listSerious", "社会组织：列入严重违法失信名单"),
            ("organisation.proposeRevocation", "社会组织：提请撤销登记"),
            ("organisation.remind", "社会组织：年报提醒"),
            ("organisation.penalty", "社会组织：记录行政处罚"),
            ("registration.submit", "社会组织登记：提交申请"), ("registration.seed", "社会组织登记：写入演示数据"),
            ("organisation.change", "社会组织：变更登记事项"), ("organisation.deregister", "社会组织：注销登记"),
            ("organisation.revoke", "社会组织：撤销登记"),
            ("organisation.unreachable", "社会组织：标记通过登记住所无法联系"),
            ("organisation.reachable", "社会组织：撤销无法联系标记"),
            ("organisation.certificate.issue", "社会组织：颁发登记证书"),
            ("organisation.certificate.end", "社会组织：登记证书作废或收缴"),
        ])
        + WorkflowActionKind.allCases.map {
            Action(code: "registration.\($0.rawValue)", name: "社会组织登记：\($0.chinese)")
        }
        + list([
            ("rating.seed", "等级评估：写入演示数据"),
            ("rating.reviewer.add", "等级评估：加入评估专家"), ("rating.declare", "等级评估：利益冲突申报"),
            ("rating.apply", "等级评估：申请"), ("rating.assign", "等级评估：指派评估专家"), ("rating.score", "等级评估：专家评分"),
            ("rating.publicise", "等级评估：结束评分并公示"), ("rating.decide", "等级评估：评定等级"),
            ("funding.round.create", "公益创投：发布创投活动"), ("funding.propose", "公益创投：申报项目"),
            ("funding.assign", "公益创投：指派评审专家"), ("funding.score", "公益创投：专家评分"),
            ("funding.award", "公益创投：评定资助"), ("funding.milestone.report", "公益创投：提交节点报告"),
            ("funding.milestone.accept", "公益创投：节点验收"), ("funding.milestone.pay", "公益创投：拨付资金"),
            ("funding.evaluate", "公益创投：结项评估"), ("funding.seed", "公益创投：写入演示数据"),
            ("illegalOrganisation.report", "非法社会组织：受理举报"),
            ("illegalOrganisation.assign", "非法社会组织：指派调查人"),
            ("illegalOrganisation.note", "非法社会组织：调查记录"), ("illegalOrganisation.close", "非法社会组织：办结"),
            ("illegalOrganisation.seed", "非法社会组织：写入演示数据"),
            ("organisation.markTradeAssociation", "社会组织：标记为行业协会商会"),
            ("tradeFee.create", "涉企收费：登记收费项目"), ("tradeFee.finding", "涉企收费：认定是否违规"),
            ("tradeFee.refund", "涉企收费：记录清退"), ("tradeFee.export", "涉企收费：导出清退汇总"),
            ("tradeFee.seed", "涉企收费：写入演示数据"),
            ("adoption.register", "收养登记"), ("adoption.dissolve", "解除收养关系登记"),
            ("placeName.propose", "地名：申报命名或更名"), ("placeName.renamed", "地名：因更名停用"),
            ("placeName.seed", "地名：写入演示数据"), ("placeName.sign.add", "地名：设置地名标志"),
            ("placeName.sign.inspect", "地名：检查地名标志"),
            ("placeName.sign.export", "地名：导出地名标志维护清单"), ("seatMove.propose", "驻地迁移：申报"),
            ("seatMove.seed", "驻地迁移：写入演示数据"),
            ("community.committee.create", "社区两委：登记换届"), ("community.member.add", "社区两委：登记成员"),
            ("community.member.train", "社区两委：记录成员培训"), ("community.worker.create", "社区工作者：登记"),
            ("community.worker.evaluate", "社区工作者：记录年度考核"), ("community.worker.award", "社区工作者：记录表彰"),
            ("community.station.create", "社工站：登记街道社工站"), ("community.admission.add", "社区事务准入：列入清单"),
            ("community.admission.withdraw", "社区事务准入：移出清单"),
            ("community.assignment.send", "社区事务准入：部门派发社区任务"), ("community.seed", "社区治理：写入演示数据"),
            ("rehab.seed", "德康驿站：写入演示数据"), ("rehab.station.create", "德康驿站：登记驿站"),
            ("rehab.station.equipment", "德康驿站：更新标准化设备清单"), ("rehab.patient.enrol", "德康驿站：患者入站"),
            ("rehab.patient.view", "德康驿站：查看患者档案"), ("rehab.patient.leave", "德康驿站：患者离站"),
            ("rehab.attendance.record", "德康驿站：登记到站"), ("rehab.service.record", "德康驿站：记录四方服务"),
            ("rental.point.create", "辅具租赁：设立租赁点"), ("rental.device.add", "辅具租赁：设备入库"),
            ("rental.request", "辅具租赁：租赁申请（预留设备）"), ("rental.deliver", "辅具租赁：交付"),
            ("rental.return", "辅具租赁：归还"), ("rental.cancel", "辅具租赁：取消申请"),
            ("rental.markLost", "辅具租赁：认定灭失（押金不退）"), ("rental.settlement.export", "辅具租赁：下载月度结算"),
            ("statistics.freeze", "民政统计：冻结月度数据"), ("statistics.export", "民政统计：下载统计报表"),
            ("rental.demo", "辅具租赁：写入演示数据"),
            ("charity.organisation.apply", "慈善组织：申请认定"), ("charity.organisation.decide", "慈善组织：认定决定"),
            ("charity.qualification.grant", "慈善组织：授予公开募捐资格"),
            ("charity.qualification.withdraw", "慈善组织：撤销公开募捐资格"),
            ("charity.filing.create", "公开募捐：募捐方案备案"), ("charity.filing.raised", "公开募捐：报告募得金额"),
            ("charity.award.create", "慈善奖：发布评选"), ("charity.award.nominate", "慈善奖：提名"),
            ("charity.award.review", "慈善奖：评审"), ("charity.award.publicise", "慈善奖：公示"),
            ("charity.award.object", "慈善奖：登记异议"), ("charity.award.resolve", "慈善奖：处理异议"),
            ("charity.award.award", "慈善奖：颁奖"), ("charity.need.create", "1798 一起救吧：登记需求"),
            ("charity.demo", "慈善：写入演示数据"),
        ])
        + PlaceNameStep.allCases.map { Action(code: "placeName.\($0.rawValue)", name: "地名：\($0.chinese)") }
        + SeatMoveRules.steps.map { Action(code: "seatMove.\($0.rawValue)", name: "驻地迁移：\($0.chinese)") }
        + BookingState.Action.allCases.map { Action(code: "booking.\($0.rawValue)", name: "预约：\($0.chinese)") }
        + HomeCareOrderState.Action.allCases.map {
            Action(code: "home_care.order.\($0.rawValue)", name: "居家服务工单：\($0.label)")
        }
        + AdaptationState.Action.allCases.map { Action(code: "adaptation.\($0.rawValue)", name: "适老化改造：\($0.label)") }
        + CharityNeedState.Action.allCases.map {
            Action(code: "charity.need.\($0.rawValue)", name: "1798 一起救吧：\($0.chinese)")
        }
        + RentalDeviceState.pointActions.map {
            Action(code: "rental.device.\($0.rawValue)", name: "辅具租赁：设备\($0.chinese)")
        }

    private static func list(_ pairs: [(String, String)]) -> [Action] {
        pairs.map { Action(code: $0.0, name: $0.1) }
    }

    private static let names = Dictionary(uniqueKeysWithValues: actions.map { ($0.code, $0.name) })

    /// The action's Chinese name, or its code when the catalogue does not know it.
    public static func name(ofAction code: String) -> String {
        names[code] ?? code
    }

    public static func knows(action code: String) -> Bool {
        names[code] != nil
    }

    /// What kind of object an event is about, in Chinese (`person` → 人员).
    public static func name(ofEntity entity: String) -> String {
        entities[entity] ?? entity
    }

    private static let entities = [
        "person": "人员", "household": "家庭", "user": "账户", "application": "救助申请", "enrollment": "救助待遇",
        "payroll_roll": "发放名册", "visit_task": "走访任务", "alert": "预警", "feed": "部门数据", "import": "批量导入",
        "policy_parameter": "政策参数", "assistance_item": "救助事项", "portal_service": "民政通服务事项", "api_token": "接口令牌",
        "home_care_provider": "居家服务组织", "home_care_order": "居家服务工单",
        "adaptation_case": "适老化改造",
        "ability_assessment": "能力评估",
        "facility": "养老服务设施", "facility_grading": "等级评定", "inspection_round": "安全检查批次",
        "inspection": "安全检查", "hazard": "安全隐患", "facility_price": "收费项目", "region_location": "驻地位置",
        "advice_request": "养老顾问咨询", "child_case": "未成年人保护个案", "adoption": "收养登记",
        "rehab_station": "德康驿站", "rehab_patient": "德康驿站患者", "rental_point": "辅具租赁点",
        "rental_device": "租赁辅具", "rental": "辅具租赁", "place_name": "地名", "backup": "数据库备份", "data_key": "数据密钥",
        "illegalOrganisationReport": "非法社会组织举报", "tradeAssociationFee": "行业协会收费项目", "receipt": "受理编号（办件）", "statistics": "民政统计",
    ]
}
