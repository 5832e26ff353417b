import Foundation
import MinzhengCore
import Vapor

/// Every `/api/v1` route, once, grouped by feature: the source of `GET /api/v1/openapi.json` and
/// of the page `/api-docs`. A new route is one entry here (`APIDocumentTests` names a route that
/// has none, and an entry no route has). Add its query, body and answer when partners need them.
enum APIOperations {
    static let all: [APIOperation] = [
        // documentation
        .get(Route.API.document, "本文档（OpenAPI 3.1）", .documentation).opened(),
        // accounts
        .post(Route.API.sessions, "登录：用户名与密码换取令牌", .accounts).opened()
            .body(
                S.object(
                    [
                        "username": S.string, "password": S.string,
                        "scopes": S.array(S.enumeration(APIScope.allCases.map(\.rawValue))),
                    ], required: ["username", "password"], closed: true)
            )
            .answers(201, S.object(["token": S.string, "expiresInSeconds": S.integer], required: ["token"])),
        .get(Route.API.tokens, "本人的 API 令牌（不含令牌本身）", .accounts).query(.page, .perPage)
            .returns(S.page(S.object(["id": S.uuid, "name": S.string], required: ["id"]))),
        .delete(Route.API.token, "吊销本人的一个令牌", .accounts).answers(204),
        .post(Route.API.password, "修改密码（首次或重置后必须先改），答新令牌", .accounts)
            .body(
                S.object(
                    ["currentPassword": S.string, "newPassword": S.string],
                    required: ["currentPassword", "newPassword"],
                    closed: true)
            ).returns(S.ref("Token")),
        .get(Route.API.accountCalls, "本账户最近的调用与每日错误数（只记录协同部门账户的调用）", .accounts)
            .returns(
                S.object(
                    [
                        "calls": S.array(
                            S.object(
                                [
                                    "at": S.string, "method": S.string, "route": S.string, "status": S.integer,
                                    "requestId": S.string, "error": S.string,
                                ], required: ["at", "method", "route", "status", "requestId"])),
                        "days": S.array(
                            S.object(
                                ["day": S.date, "calls": S.integer, "errors": S.integer],
                                required: ["day", "calls", "errors"])),
                    ], required: ["calls", "days"])
            ),
        // users
        .get(Route.API.users, "本辖区的账户（按角色、用户名筛选）", .users).returns(Page<UserSummary>.self),
        .post(Route.API.users, "新建本辖区的账户（首次登录须改密码）", .users).body(UserAdmin.NewUser.self).answers(
            201, UserSummary.self),
        .get(Route.API.user, "一个账户", .users).returns(UserSummary.self),
        .post(Route.API.userDisable, "停用账户（其令牌随即失效）", .users).returns(UserSummary.self),
        .post(Route.API.userEnable, "恢复停用的账户", .users).returns(UserSummary.self),
        .post(Route.API.userResetPassword, "重置密码：答一次性密码（只显示这一次）", .users).returns(
            UserAPIController.PasswordAnswer.self),
        .get(Route.API.userTokens, "一个账户的 API 令牌（不含令牌本身）", .users).returns(Page<TokenSummary>.self),
        .delete(Route.API.userToken, "吊销一个账户的令牌", .users).answers(204),
        // registry
        .get(Route.API.households, "住户列表（本辖区）", .registry)
            .query(
                .region, APIQuery("address", S.string, "地址包含"), .sort(["region", "address", "head", "updated"]), .page,
                .perPage, APIQuery("after", S.string, "上一页的 next"), APIQuery("before", S.string, "下一页的 previous")
            ).returns(S.page(S.ref("HouseholdSummary"))).scoped(.registryRead),
        .post(Route.API.households, "新建住户及其成员", .registry).body(RegistryAPIController.NewHousehold.self).answers(
            201, HouseholdDetail.self),
        .get(Route.API.household, "一户的档案：成员、版本", .registry).returns(S.ref("HouseholdDetail")).scoped(.registryRead),
        .patch(Route.API.household, "修改住户地址、区划（带版本号，过期为 409）", .registry).body(
            RegistryAPIController.HouseholdChange.self
        ).returns(HouseholdDetail.self),
        .post(Route.API.householdMembers, "为住户添加成员", .registry).body(RegistryAPIController.NewMember.self).returns(
            HouseholdDetail.self),
        .get(Route.API.persons, "人员列表（按姓名、辖区）", .registry)
            .query(
                APIQuery("name", S.string, "姓名包含"), .region, .sort(["region", "name", "birth", "updated"]), .page,
                .perPage, APIQuery("after", S.string, "上一页的 next"), APIQuery("before", S.string, "下一页的 previous")
            ).returns(S.page(S.ref("PersonSummary"))).scoped(.registryRead),
        .post(Route.API.personSearch, "查人：身份证号、后六位、电话（号码只在请求体中）", .registry)
            .body(
                S.object(
                    [
                        "name": S.string, "idNumber": S.string, "idLast6": S.pattern("^[0-9]{5}[0-9Xx]$"),
                        "phone": S.string,
                        "region": S.string, "sort": S.enumeration(["region", "name", "birth", "updated"]),
                        "page": S.range(1, 1_000_000), "perPage": S.range(1, 200),
                    ], closed: true)
            ).returns(S.page(S.ref("PersonSummary"))).scoped(.registryRead),
        .get(Route.API.person, "一人的档案", .registry).returns(PersonDetail.self).scoped(.registryRead),
        .patch(Route.API.person, "修改人员档案（带版本号，过期为 409）", .registry).body(RegistryAPIController.PersonChange.self)
            .returns(PersonDetail.self),
        .put(Route.API.personBankAccount, "登记或更换人员的收款银行账户（答复中账号打码）", .registry).body(
            BankAccountAPIController.BankAccount.self),
        // policy
        .post(Route.API.assessments, "政策测算（不登录、不存储，按来源限流 429）", .policy).opened(),
        // applications
        .get(Route.API.catalog, "32 项救助事项目录", .applications).only(Role.allCases)
            .returns(
                S.object(
                    ["items": S.array(S.object(["code": S.string, "name": S.string], required: ["code", "name"]))],
                    required: ["items"])
            ).scoped(.applications),
        .get(Route.API.applications, "申请队列：经办人按辖区，协同部门按其事项，居民看本人的", .applications)
            .only(holders(.handleApplications, .selfService))
            .query(
                .state, APIQuery("overdue", S.boolean, "只看超期"),
                .sort(["submitted", "deadline", "region", "state", "latest"]), .page, .perPage,
                APIQuery("after", S.string), APIQuery("before", S.string)
            ).returns(S.page(S.ref("ApplicationSummary")))
            .scoped(.applications),
        .post(Route.API.applications, "提交申请（居民只能为本户）", .applications).body(ApplicationService.NewApplication.self)
            .only(holders(.handleApplications, .selfService)).answers(201).scoped(.applications),
        .get(Route.API.application, "一件申请：步骤、材料、家庭经济核对", .applications)
            .only(holders(.handleApplications, .selfService))
            .returns(S.ref("ApplicationRecord")).scoped(.applications),
        .post(Route.API.applicationActions, "办理一步（状态不允许或版本过期为 409）", .applications)
            .body(
                S.object(
                    [
                        "action": S.string, "version": S.integer, "note": S.string, "visitedOn": S.date,
                        "findings": S.string,
                        "amountFen": S.fen,
                    ], required: ["action", "version"], closed: true)
            ).returns(S.ref("ApplicationRecord")).scoped(.applications),
        .post(Route.API.applicationDocuments, "上传材料（PDF/JPEG/PNG，≤ 10 MB）", .applications).upload("requirement")
            .answers(201).scoped(.applications),
        .get(Route.API.applicationDocument, "下载一份材料", .applications).answersFile("application/octet-stream")
            .scoped(.applications),
        // payroll
        .get(Route.API.enrollments, "一户的待遇：在保对象与月待遇", .payroll).query(APIQuery("householdId", S.uuid, "住户")).returns(
            [EnrollmentRecord].self),
        .post(Route.API.enrollmentStatus, "暂停、恢复或终止一项待遇", .payroll).body(EnrollmentAPIController.StatusChange.self)
            .returns(EnrollmentRecord.self),
        .get(Route.API.enrollmentReviews, "待遇复核队列（数据变化触发的复核）", .payroll).returns(
            Page<EnrollmentReviewStore.Review>.self),
        .get(Route.API.enrollmentReview, "一项待遇复核：变化前后与测算结果", .payroll).returns(EnrollmentReviewStore.Review.self),
        .post(Route.API.enrollmentReview, "复核决定：维持、调整或停发", .payroll).body(EnrollmentReviews.Decision.self).returns(
            EnrollmentReviewStore.Review.self),
        // monitoring
        .post(Route.API.feed, "部门数据报送：一批记录（JSON 数组或 {items}）", .monitoring).only(.department)
            .values("kind", FeedKind.allCases.map(\.rawValue))
            .body(
                [
                    "oneOf": [
                        S.array(
                            S.object(
                                ["sourceRecordId": S.string, "idNumber": S.string],
                                required: ["sourceRecordId", "idNumber"])),
                        S.object(
                            ["items": S.array(S.object(["sourceRecordId": S.string, "idNumber": S.string]))],
                            required: ["items"]),
                    ]
                ]
            ).returns(S.ref("FeedSummary")).scoped(.feeds),
        .get(Route.API.tasks, "走访任务（本辖区，升级的和最早到期的在前）", .monitoring)
            .query(
                .region, APIQuery("level", S.enumeration(["red", "orange", "yellow"])), APIQuery("overdue", S.string),
                .page, .perPage
            )
            .returns(Page<VisitTasks.Task>.self),
        .post(Route.API.taskVisit, "登记走访结果（可转入救助申请）", .monitoring).body(MonitoringAPIController.Visit.self),
        // homeCare
        .get(Route.API.homeCareProviders, "居家上门服务机构", .homeCare).returns([HomeCareProvider].self),
        .post(Route.API.homeCareProviders, "登记服务机构", .homeCare).body(HomeCareOrderService.NewProvider.self).answers(
            201, HomeCareProvider.self),
        .get(Route.API.homeCareWorkers, "一个机构的服务人员", .homeCare).returns([HomeCareWorker].self),
        .post(Route.API.homeCareWorkers, "为机构添加服务人员", .homeCare).body(HomeCareAPIController.NewWorker.self).answers(
            201, HomeCareWorker.self),
        .get(Route.API.homeCareOrders, "上门服务工单（按状态、辖区）", .homeCare).returns(Page<HomeCareOrderRecord>.self),
        .post(Route.API.homeCareOrders, "派发上门服务工单", .homeCare).body(HomeCareOrderService.NewOrder.self).answers(
            201, HomeCareOrderRecord.self),
        .get(Route.API.homeCareOrder, "一张工单：状态、签到与评价", .homeCare).returns(HomeCareOrderRecord.self),
        .post(Route.API.homeCareOrderStep, "工单办理一步（接单、签到、完成、评价、取消）", .homeCare).body(HomeCareOrderService.Step.self)
            .returns(HomeCareOrderRecord.self).values(
                "action", HomeCareOrderState.Action.allCases.map(\.rawValue)),
        .get(Route.API.homeCareEntitlement, "一人的上门服务额度与已用", .homeCare).returns(
            HomeCareAPIController.EntitlementAnswer.self),
        .get(Route.API.homeCareSettlement, "上门服务月度结算（按机构）", .homeCare).returns(HomeCareSettlementStore.Settlement.self),
        // adaptations
        .get(Route.API.adaptations, "适老化改造案件", .adaptations).returns(Page<AdaptationCase>.self),
        .post(Route.API.adaptationScreening, "改造需求筛查：按住户条件生成案件", .adaptations).body(
            AdaptationAPIController.Screening.self
        ).returns(AdaptationAPIController.Screened.self),
        .get(Route.API.adaptationProgress, "改造进度汇总（按区、街道）", .adaptations).returns(AdaptationService.Progress.self),
        .get(Route.API.adaptation, "一件改造案件：步骤与照片", .adaptations).returns(AdaptationCase.self),
        .post(Route.API.adaptationStep, "改造办理一步（评估、施工、验收、补贴）", .adaptations).body(AdaptationService.Step.self).returns(
            AdaptationCase.self
        ).values(
            "action", AdaptationState.Action.allCases.map(\.rawValue)),
        .post(Route.API.adaptationPhotos, "上传改造照片（施工前后）", .adaptations).upload().answers(201),
        // ability
        .post(Route.API.abilityScores, "能力评估计分（不存储）", .ability),
        .post(Route.API.personAbilityAssessments, "登记一人的能力评估", .ability).answers(201, AbilityAssessmentRecord.self),
        .get(Route.API.personAbilityAssessments, "一人的能力评估记录", .ability).returns([AbilityAssessmentRecord].self),
        .get(Route.API.abilityAssessmentsDue, "到期应复评的老人", .ability).returns([AbilityDueRow].self),
        // facilities
        .get(Route.API.facilities, "养老设施（按类型、辖区）", .facilities).returns(Page<FacilityRecord>.self),
        .post(Route.API.facilities, "登记养老设施", .facilities).body(FacilityDraft.Input.self).answers(
            201, FacilityRecord.self),
        .get(Route.API.facility, "一个养老设施", .facilities).returns(FacilityRecord.self),
        .put(Route.API.facility, "修改养老设施信息", .facilities).body(FacilityDraft.Input.self).returns(FacilityRecord.self),
        .get(Route.API.facilityBeds, "养老床位统计（按区、类型）", .facilities).returns(BedReport.self),
        .get(Route.API.gradings, "养老机构等级评定申请", .facilities).returns(FacilityAPIController.GradingList.self),
        .post(Route.API.gradings, "申请等级评定", .facilities).body(GradingService.NewGrading.self).answers(
            201, GradingRecord.self),
        .get(Route.API.grading, "一件等级评定：评分与结论", .facilities).returns(GradingRecord.self),
        .post(Route.API.gradingActions, "等级评定办理一步（受理、评分、公示、决定）", .facilities).body(GradingService.ActionRequest.self)
            .returns(GradingRecord.self),
        .get(Route.API.inspectionRounds, "安全检查轮次", .facilities).returns(FacilityAPIController.RoundList.self),
        .post(Route.API.inspectionRounds, "新建安全检查轮次", .facilities).body(InspectionService.NewRound.self).answers(
            201, InspectionRoundRecord.self),
        .post(Route.API.inspections, "登记一次安全检查及发现的隐患", .facilities).body(InspectionService.NewInspection.self).answers(
            201, FacilityAPIController.Recorded.self),
        .get(Route.API.hazards, "安全隐患（按状态、超期）", .facilities).returns(FacilityAPIController.HazardList.self),
        .get(Route.API.hazard, "一项隐患：整改与复查", .facilities).returns(HazardRecord.self),
        .post(Route.API.hazardActions, "隐患办理一步（整改、复查、销号）", .facilities).body(InspectionService.HazardActionRequest.self)
            .returns(HazardRecord.self),
        .post(Route.API.hazardEvidence, "上传隐患整改证明", .facilities).upload("note").answers(201),
        .get(Route.API.inspectionCounts, "安全检查与隐患统计", .facilities).returns(InspectionService.Counts.self),
        // seniorAllowance
        .get(Route.API.seniorAllowanceWrongPayments, "尊老金错发（死亡后仍发放等）", .seniorAllowance).returns(
            SeniorAllowanceAPIController.WrongPayments.self),
        // bookings
        .get(Route.API.slots, "可预约时段（公开）", .bookings).opened(),
        .get(Route.API.bookingResources, "可预约的办事点（公开）", .bookings).opened(),
        .get(Route.API.bookingDraws, "热门日期摇号结果（公开）", .bookings).opened(),
        .get(Route.API.bookings, "本人的预约", .bookings).returns([BookingView].self),
        .post(Route.API.bookings, "预约一个时段", .bookings).body(BookingAPIController.BookingRequest.self).answers(201),
        .get(Route.API.booking, "一项预约", .bookings).returns(BookingView.self),
        .delete(Route.API.booking, "取消预约", .bookings).returns(BookingView.self),
        .post(Route.API.bookingArrival, "登记到场", .bookings).returns(BookingView.self),
        .post(Route.API.bookingNoShow, "登记爽约", .bookings).returns(BookingView.self),
        .post(Route.API.bookingConfirmation, "确认预约（摇号中签后）", .bookings).returns(BookingView.self),
        .get(Route.API.bookingChallenge, "预约前的人机验证题", .bookings),
        .get(Route.API.bookingRequests, "本人的热门日期摇号申请", .bookings).returns([BookingService.LotteryRequestView].self),
        .post(Route.API.bookingRequests, "申请热门日期摇号", .bookings).body(BookingAPIController.BookingRequest.self).answers(
            201),
        // marriage
        .get(Route.API.marriages, "按身份证号查婚姻登记记录", .marriage).returns([MarriageRecordView].self),
        .post(Route.API.marriages, "结婚登记（凭预约）", .marriage).answers(201),
        .get(Route.API.marriage, "一条婚姻登记记录", .marriage).returns(MarriageRecordView.self),
        .post(Route.API.marriageReplacement, "补领结婚证", .marriage).answers(201, MarriageRecordView.self),
        .post(Route.API.divorces, "离婚登记申请（进入冷静期）", .marriage).answers(201, DivorceView.self),
        .get(Route.API.divorce, "一件离婚登记申请", .marriage).returns(DivorceView.self),
        .post(Route.API.divorceWithdrawal, "撤回离婚登记申请", .marriage).returns(DivorceView.self),
        .post(Route.API.divorceRegistration, "冷静期满后办理离婚登记", .marriage).answers(201, MarriageRecordView.self),
        // funeral
        .get(Route.API.cemeteries, "公益性公墓余量（公开）", .funeral).returns([CemeteryView].self).opened(),
        .post(Route.API.cemeteryAllocations, "分配公益性公墓墓位", .funeral).body(CemeteryService.AllocationInput.self).answers(
            201, CemeteryAllocationView.self),
        .post(Route.API.cemeteryRenewal, "墓位续期", .funeral).returns(CemeteryAllocationView.self),
        .get(Route.API.funeralHomes, "殡仪馆（公开）", .funeral).returns([FuneralHome].self).opened(),
        .get(Route.API.funeralHomePrices, "殡仪馆收费公示（公开）", .funeral).returns(PriceListView.self).opened(),
        .post(Route.API.funeralHomePrices, "登记殡仪馆收费项目", .funeral).body(FuneralService.PriceInput.self).answers(
            201, PriceListView.Row.self),
        .post(Route.API.funeralBills, "登记殡葬服务账单", .funeral).body(FuneralService.BillInput.self).answers(
            201, FuneralBillView.self),
        .get(Route.API.funeralBills, "殡葬服务账单", .funeral).returns([FuneralBillView].self),
        .get(Route.API.funeralBill, "一张殡葬服务账单", .funeral).returns(FuneralBillView.self),
        .get(Route.API.funeralPriceCheck, "收费核查：高于公示价格的账单", .funeral).returns([FuneralService.Finding].self),
        .post(Route.API.deathCertificates, "登记死亡证明", .funeral).body(FuneralAPIController.CertificateInput.self).answers(
            201, FuneralAPIController.CertificateAnswer.self),
        .get(Route.API.gateCode, "清明祭扫预约的入园核验码", .funeral).returns([String: String].self),
        .post(Route.API.gateChecks, "祭扫入园核验（扫码）", .funeral).returns(GateService.Check.self),
        .get(Route.API.funeralSubsidies, "惠民殡葬补贴申请", .funeral).returns(Page<FuneralSubsidyStore.Subsidy>.self),
        .get(Route.API.funeralSubsidy, "一件惠民殡葬补贴", .funeral).returns(FuneralSubsidyStore.Subsidy.self),
        .post(Route.API.funeralSubsidy, "惠民殡葬补贴审核决定", .funeral).body(FuneralSubsidies.Decision.self).returns(
            FuneralSubsidyStore.Subsidy.self),
        // disability
        .get(Route.API.disabilitySubsidyProposals, "残疾人两项补贴拟发名单", .disability),
        .get(Route.API.disabilitySubsidyProposal, "一条拟发补贴", .disability).returns(DisabilitySubsidyStore.Proposal.self),
        .post(Route.API.disabilitySubsidyProposal, "拟发补贴审核决定", .disability).body(
            DisabilitySubsidyDecisions.Decision.self),
        // childProtection
        .get(Route.API.childCases, "未成年人保护个案", .childProtection).returns(Page<ChildCaseSummary>.self),
        .post(Route.API.childCases, "报告未成年人保护个案", .childProtection).body(ChildCaseService.Intake.self).answers(
            201, ChildCaseDetail.self),
        .get(Route.API.childCase, "一件未成年人保护个案", .childProtection).returns(ChildCaseDetail.self),
        .post(Route.API.childCaseStep, "个案办理一步（分派、记录、转介、结案）", .childProtection).returns(ChildCaseDetail.self).values(
            "step", ["assignment", "records", "referrals", "closure"]),
        .post(Route.API.childCaseReferral, "转介部门答复（answer）或催办（action 为 chase）", .childProtection).returns(
            ChildCaseDetail.self),
        // children
        .get(Route.API.children, "困境儿童、留守儿童名册", .children).returns(Page<ChildStore.Record>.self),
        .post(Route.API.children, "登记儿童类别（困境、留守等）", .children).body(ChildService.NewCategory.self).answers(
            201, ChildStore.Record.self),
        .get(Route.API.childrenTurningAdult, "即将成年的儿童（保障到期）", .children).returns(
            ChildAPIController.Items<ChildStore.TurningAdult>.self),
        .get(Route.API.child, "一名儿童：类别、走访与照护", .children).returns(ChildService.Child.self),
        .post(Route.API.childCategoryChange, "变更儿童类别", .children).body(ChildService.Change.self).returns(
            ChildStore.Record.self),
        .post(Route.API.childCategoryEnd, "终止儿童类别", .children).body(ChildService.End.self).returns(
            ChildStore.Record.self),
        .get(Route.API.childVisits, "儿童走访任务", .children).returns(ChildAPIController.Items<VisitTasks.Task>.self),
        .post(Route.API.childVisit, "登记儿童走访", .children).body(ChildService.Visit.self).returns(VisitTasks.Task.self),
        .get(Route.API.childCareHomes, "儿童之家", .children).returns(ChildAPIController.Items<ChildStore.CareHome>.self),
        .post(Route.API.childCareHomes, "登记儿童之家", .children).body(ChildService.NewHome.self).answers(
            201, ChildStore.CareHome.self),
        .get(Route.API.childCareHome, "一个儿童之家：活动与儿童", .children).returns(ChildAPIController.CareHomeDetail.self),
        .post(Route.API.childCareHomeActivities, "登记儿童之家活动", .children).body(ChildService.NewActivity.self).answers(
            201, ChildStore.Activity.self),
        .post(Route.API.childCareHomeChildren, "登记到儿童之家活动的儿童", .children).body(ChildService.NewAttendee.self).answers(
            201, ChildAPIController.Items<ChildStore.Attendee>.self),
        // familySearch
        .get(Route.API.familySearchPublicNotices, "寻亲公告（公开）", .familySearch).opened().query(.page, .perPage),
        .post(Route.API.familySearchMatches, "寻亲比对：按特征找候选人", .familySearch)
            .body(APIOperations.familySearchProfile)
            .returns(FamilySearchAPIController.Candidates.self).scoped(.familySearch),
        .post(Route.API.familySearchMatch, "确认或否定一个比对结果（DNA、人脸比对结果）", .familySearch).body(
            FamilySearchService.Decision.self
        ).returns(FamilySearchStore.Match.self).scoped(.familySearch),
        .post(Route.API.familySearchNotices, "发布寻亲公告", .familySearch).body(FamilySearchInput.self).answers(
            201, FamilySearchStore.Notice.self),
        .get(Route.API.familySearchQueue, "待确认的比对结果", .familySearch).returns([FamilySearchStore.Match].self).scoped(
            .familySearch),
        .post(Route.API.familySearchReports, "登记寻亲报告（走失者或寻亲家属）", .familySearch).body(FamilySearchInput.self).answers(
            201, FamilySearchStore.Report.self),
        .get(Route.API.familySearchReports, "寻亲报告", .familySearch).returns([FamilySearchStore.Report].self),
        .get(Route.API.familySearchReport, "一份寻亲报告：比对结果", .familySearch).returns(FamilySearchService.ReportView.self),
        // station
        .get(Route.API.stationCases, "救助管理站受助人员", .station).returns(Page<StationCaseSummary>.self),
        .post(Route.API.stationCases, "救助站接收登记", .station).body(StationIntake.self).answers(201, StationCaseView.self),
        .get(Route.API.stationCase, "一名受助人员的全过程", .station).returns(StationCaseView.self),
        .post(Route.API.stationCaseEntries, "登记救助过程记录", .station).body(StationService.EntryInput.self).returns(
            StationCaseView.self),
        .post(Route.API.stationCaseChecks, "登记身份核查", .station).body(StationService.CheckInput.self).returns(
            StationCaseView.self),
        .post(Route.API.stationCasePhotos, "上传受助人员照片", .station).upload("face").answers(201),
        .post(Route.API.stationCaseFace, "将一张照片标为人脸照，用于比对寻亲", .station).returns(StationCaseView.self),
        .post(Route.API.stationCaseNotice, "为受助人员发布寻亲公告", .station).answers(201, FamilySearchStore.Notice.self),
        .post(Route.API.stationCaseOutcome, "登记去向（返乡、送医、安置等）", .station).body(StationService.OutcomeInput.self).returns(
            StationCaseView.self),
        // organisations
        .get(Route.API.organisationApplications, "社会组织登记申请", .organisations).returns(Page<RegistrationRecord>.self),
        .post(Route.API.organisationApplications, "提交社会组织登记申请", .organisations).body(
            OrganisationRegistrations.NewRegistration.self
        ).answers(201, RegistrationRecord.self),
        .get(Route.API.organisationApplication, "一件登记申请：步骤与材料", .organisations).returns(
            OrganisationRegistrations.Detail.self),
        .post(Route.API.organisationApplicationActions, "登记申请办理一步（受理、审查、核准）", .organisations).body(
            OrganisationRegistrations.StepInput.self
        ).returns(RegistrationRecord.self),
        .get(Route.API.organisationCertificates, "一个社会组织的登记证书", .organisations).returns([CertificateRecord].self),
        .get(Route.API.organisationCertificate, "一份登记证书", .organisations).returns(CertificateRecord.self),
        .post(Route.API.organisationRevocation, "撤销社会组织登记", .organisations).body(
            OrganisationRegistrations.StatusInput.self
        ).returns(OrganisationRecord.self),
        .post(Route.API.organisationUnreachable, "列入通过登记地址无法联系名录", .organisations).body(
            OrganisationRegistrations.StatusInput.self
        ).returns(OrganisationRecord.self),
        .delete(Route.API.organisationUnreachable, "移出无法联系名录", .organisations).returns(OrganisationRecord.self),
        .get(Route.API.organisations, "社会组织名录", .organisations).returns(Page<OrganisationRecord>.self),
        .post(Route.API.organisations, "登记社会组织", .organisations).body(OrganisationDraft.Input.self).answers(
            201, OrganisationRecord.self),
        .get(Route.API.organisation, "一个社会组织：登记、年报与等级", .organisations).returns(OrganisationDetail.self),
        .post(Route.API.organisationAccount, "为社会组织开通账户", .organisations).body(OrganisationRegistry.AccountInput.self)
            .answers(201),
        .get(Route.API.organisationReports, "一个社会组织的年度报告", .organisations).returns([AnnualReportRecord].self),
        .post(Route.API.organisationReports, "报送年度报告", .organisations).body(AnnualReportDraft.Input.self).answers(
            201, AnnualReportRecord.self),
        .post(Route.API.organisationReview, "年度报告审核", .organisations).body(OrganisationRegistry.Review.self).returns(
            AnnualReportRecord.self),
        .get(Route.API.dormantOrganisations, "疑似“僵尸”社会组织筛查（长期未年报）", .organisations).returns(
            OrganisationCommands.DormantList.self),
        .get(Route.API.organisationNotices, "社会组织公告", .organisations).returns(Page<OrganisationNotice>.self),
        .get(Route.API.myOrganisation, "本账户所属的社会组织", .organisations).returns(OrganisationDetail.self),
        // ratings
        .get(Route.API.ratings, "社会组织等级评估申请", .ratings).returns(Page<RatingApplicationRecord>.self),
        .post(Route.API.ratings, "申请等级评估", .ratings).body(RatingAPIController.ApplyInput.self).answers(
            201, RatingApplicationRecord.self),
        .get(Route.API.rating, "一件等级评估：评审专家与评分", .ratings).returns(RatingService.Detail.self),
        .post(Route.API.ratingReviewers, "指派评估专家", .ratings).body(RatingService.AssignInput.self).returns(
            RatingService.Detail.self),
        .post(Route.API.ratingScores, "专家评分", .ratings).body(RatingService.ScoreInput.self).returns(
            RatingService.Detail.self),
        .post(Route.API.ratingPublicity, "评估结果公示", .ratings).body(RatingService.VersionInput.self).returns(
            RatingApplicationRecord.self),
        .post(Route.API.ratingDecision, "评估等级决定", .ratings).body(RatingService.VersionInput.self).returns(
            RatingApplicationRecord.self),
        .get(Route.API.reviewerPool, "评估专家库", .ratings).returns([RatingReviewerRecord].self),
        .post(Route.API.reviewerPool, "专家入库", .ratings).body(RatingService.ReviewerInput.self).answers(
            201, RatingReviewerRecord.self),
        .get(Route.API.reviewerDeclarations, "一位专家的回避声明", .ratings).returns([RatingDeclarationRecord].self),
        .post(Route.API.reviewerDeclarations, "登记专家回避声明", .ratings).body(RatingService.DeclarationInput.self).answers(
            201, [RatingDeclarationRecord].self),
        .post(Route.API.organisationPenalties, "登记社会组织行政处罚（影响等级）", .ratings).body(RatingService.PenaltyInput.self)
            .answers(201),
        // funding
        .get(Route.API.fundingRounds, "公益创投轮次", .funding).returns([FundingRoundRecord].self),
        .post(Route.API.fundingRounds, "新建公益创投轮次", .funding).body(FundingService.RoundInput.self).answers(
            201, FundingRoundRecord.self),
        .get(Route.API.fundingRound, "一个创投轮次：项目与评审", .funding).returns(FundingService.RoundDetail.self),
        .post(Route.API.fundingProposals, "申报创投项目", .funding).body(FundingService.ProposalInput.self).answers(
            201, FundingProposalRecord.self),
        .post(Route.API.fundingAwards, "确定资助项目", .funding).body(RatingService.VersionInput.self).returns(
            FundingService.RoundDetail.self),
        .get(Route.API.fundingProposal, "一个创投项目", .funding).returns(FundingProposalRecord.self),
        .post(Route.API.fundingReviewers, "指派项目评审", .funding).body(FundingAPIController.AssignInput.self).returns(
            FundingProposalRecord.self),
        .post(Route.API.fundingScores, "项目评分", .funding).body(FundingService.ScoreInput.self).returns(
            FundingProposalRecord.self),
        .get(Route.API.fundingMilestones, "一个项目的里程碑", .funding).returns([FundingMilestoneRecord].self),
        .post(Route.API.fundingMilestone, "报告里程碑完成情况", .funding).body(FundingService.MilestoneInput.self).returns(
            [FundingMilestoneRecord].self),
        .post(Route.API.fundingAcceptance, "里程碑验收", .funding).body(FundingService.AcceptanceInput.self).returns(
            [FundingMilestoneRecord].self),
        .get(Route.API.fundingTotals, "公益创投资金汇总", .funding).returns(FundingService.Totals.self),
        .post(Route.API.fundingPayment, "拨付里程碑资金", .funding).returns([FundingMilestoneRecord].self),
        // charity
        .get(Route.API.charitableOrganisations, "慈善组织认定", .charity),
        .post(Route.API.charitableOrganisations, "申请认定慈善组织", .charity).body(CharityService.ApplyInput.self).answers(
            201, CharitableOrganisationRecord.self),
        .get(Route.API.charitableOrganisation, "一个慈善组织：认定与备案", .charity).returns(CharityService.Detail.self),
        .post(Route.API.charitableDecision, "慈善组织认定决定", .charity).body(CharityService.DecisionInput.self).returns(
            CharitableOrganisationRecord.self),
        .post(Route.API.charitableQualification, "公开募捐资格决定", .charity).body(CharityService.QualificationInput.self)
            .returns(CharitableOrganisationRecord.self),
        .post(Route.API.charitableFilings, "慈善募捐方案备案", .charity).body(CharityService.FilingInput.self).answers(
            201, CharityFilingRecord.self),
        .get(Route.API.charityFilings, "慈善募捐备案", .charity).returns(Page<CharityFilingRecord>.self),
        .get(Route.API.charityFiling, "一项募捐备案", .charity).returns(CharityFilingRecord.self),
        .post(Route.API.charityFilingRaised, "登记募得款物", .charity).body(CharityService.RaisedInput.self).returns(
            CharityFilingRecord.self),
        .get(Route.API.charityAwards, "慈善表彰轮次", .charity).returns([CharityAwardRoundRecord].self),
        .post(Route.API.charityAwards, "新建慈善表彰轮次", .charity).body(CharityService.RoundInput.self).answers(
            201, CharityAwardRoundRecord.self),
        .get(Route.API.charityAward, "一个表彰轮次：提名与异议", .charity).returns(CharityService.RoundDetail.self),
        .post(Route.API.charityNominations, "提名慈善表彰", .charity).body(CharityService.NominationInput.self).answers(
            201, CharityNominationRecord.self),
        .post(Route.API.charityPublicity, "表彰名单公示", .charity).body(RatingService.VersionInput.self).returns(
            CharityService.RoundDetail.self),
        .post(Route.API.charityAwarding, "表彰决定", .charity).body(RatingService.VersionInput.self).returns(
            CharityService.RoundDetail.self),
        .post(Route.API.charityReview, "提名审核", .charity).body(CharityService.ReviewInput.self).returns(
            CharityNominationRecord.self),
        .post(Route.API.charityObjections, "对公示名单提出异议", .charity).body(CharityService.ObjectionInput.self).answers(
            201, CharityObjectionRecord.self),
        .post(Route.API.charityResolution, "异议处理结果", .charity).body(CharityService.ResolutionInput.self).returns(
            CharityObjectionRecord.self),
        .get(Route.API.charityNeeds, "慈善帮扶需求", .charity).returns(Page<CharityNeedRecord>.self),
        .post(Route.API.charityNeeds, "登记困难家庭的帮扶需求", .charity).body(CharityNeedService.NeedInput.self).answers(
            201, CharityNeedRecord.self),
        .get(Route.API.charityNeed, "一项帮扶需求：对接与落实", .charity).returns(CharityNeedService.Detail.self),
        .post(Route.API.charityNeedAction, "帮扶需求办理一步（发布、对接、落实、关闭）", .charity).body(CharityNeedService.ActionInput.self)
            .returns(CharityNeedRecord.self).values(
                "action", CharityNeedState.Action.allCases.map(\.rawValue)),
        .get(Route.API.charityTotals, "慈善帮扶汇总", .charity).returns(CharityNeedService.Totals.self),
        .get(Route.API.householdCharity, "一户得到的慈善帮扶", .charity).returns(CharityNeedService.HouseholdAssistance.self),
        // illegalOrganisations
        .get(Route.API.illegalOrganisations, "非法社会组织线索", .illegalOrganisations).returns(Page<IllegalReportRecord>.self),
        .post(Route.API.illegalOrganisations, "登记非法社会组织线索", .illegalOrganisations).body(
            IllegalOrganisationService.ReportInput.self
        ).answers(201, IllegalReportRecord.self),
        .get(Route.API.illegalOrganisationCounts, "非法社会组织线索统计", .illegalOrganisations),
        .get(Route.API.illegalOrganisation, "一条非法社会组织线索", .illegalOrganisations).returns(IllegalReportRecord.self),
        .post(Route.API.organisationTradeAssociation, "标记为行业协会商会（纳入涉企收费检查）", .illegalOrganisations).returns(
            OrganisationRecord.self),
        .get(Route.API.tradeFees, "行业协会涉企收费项目", .illegalOrganisations).returns(Page<FeeItemRecord>.self),
        .post(Route.API.tradeFees, "登记涉企收费项目", .illegalOrganisations).body(TradeAssociationFeeService.FeeInput.self)
            .answers(201, FeeItemRecord.self),
        .get(Route.API.tradeFee, "一项涉企收费：核查与清退", .illegalOrganisations).returns(TradeAssociationFeeService.Detail.self),
        .post(Route.API.tradeFeeFinding, "登记收费核查结论", .illegalOrganisations).body(
            TradeAssociationFeeService.FindingInput.self
        ).returns(TradeAssociationFeeService.Detail.self),
        .post(Route.API.tradeFeeRefunds, "登记清退款", .illegalOrganisations).body(
            TradeAssociationFeeService.RefundInput.self
        ).answers(201, TradeAssociationFeeService.Detail.self),
        .get(Route.API.tradeFeeTotals, "涉企收费核查与清退汇总", .illegalOrganisations).returns(
            TradeAssociationFeeService.Totals.self),
        .post(Route.API.illegalOrganisationAssignment, "指派线索核查人", .illegalOrganisations),
        .post(Route.API.illegalOrganisationNotes, "登记线索核查情况", .illegalOrganisations),
        .post(Route.API.illegalOrganisationClosure, "线索办结", .illegalOrganisations),
        // adoption
        .get(Route.API.adoptions, "收养登记", .adoption).returns(Page<AdoptionRecord>.self),
        .post(Route.API.adoptions, "办理收养登记", .adoption).body(AdoptionService.Registration.self).answers(
            201, AdoptionRecord.self),
        .get(Route.API.adoption, "一件收养登记", .adoption).returns(AdoptionRecord.self),
        .post(Route.API.adoptionDissolution, "解除收养关系登记", .adoption).body(AdoptionService.Dissolution.self).answers(
            201, AdoptionRecord.self),
        // placeNames
        .get(Route.API.seatMoves, "行政区划驻地迁移申请", .placeNames).returns(Page<SeatMoveRecord>.self),
        .post(Route.API.seatMoves, "提出驻地迁移申请", .placeNames).body(SeatMoveService.Draft.self).answers(
            201, SeatMoveRecord.self),
        .get(Route.API.seatMove, "一件驻地迁移申请", .placeNames).returns(SeatMoveRecord.self),
        .post(Route.API.seatMoveSteps, "驻地迁移办理一步", .placeNames).body(PlaceNameService.Step.self).returns(
            SeatMoveRecord.self),
        .get(Route.API.placeNameDirectory, "标准地名查询（公开）", .placeNames).returns(Page<PlaceNameEntry>.self).opened(),
        .get(Route.API.placeNameDirectoryEntry, "一个标准地名（公开）", .placeNames).returns(PlaceNameEntry.self).opened(),
        .get(Route.API.placeNameSignList, "地名标志清单", .placeNames).returns(Page<PlaceNameSignListing>.self),
        .get(Route.API.placeNames, "地名命名、更名申请", .placeNames).returns(Page<PlaceNameRecord>.self),
        .post(Route.API.placeNames, "提出地名命名、更名申请", .placeNames).body(PlaceNameService.Draft.self).answers(
            201, PlaceNameRecord.self),
        .get(Route.API.placeName, "一件地名申请", .placeNames).returns(PlaceNameRecord.self),
        .post(Route.API.placeNameSteps, "地名申请办理一步（论证、公示、批准）", .placeNames).body(PlaceNameService.Step.self).returns(
            PlaceNameRecord.self),
        .get(Route.API.placeNameSigns, "一个地名的标志", .placeNames).returns([PlaceNameSignRecord].self),
        .post(Route.API.placeNameSigns, "登记地名标志", .placeNames).body(PlaceNameService.NewSign.self).answers(
            201, PlaceNameSignRecord.self),
        .post(Route.API.placeNameSignInspections, "登记地名标志巡查", .placeNames).body(PlaceNameService.Inspection.self)
            .returns(PlaceNameSignRecord.self),
        // rehab
        .get(Route.API.rehabStations, "德康驿站概况", .rehab).returns(RehabOverview.self),
        .post(Route.API.rehabStations, "登记德康驿站", .rehab).body(RehabService.NewStation.self).answers(
            201, RehabStationDetail.self),
        .get(Route.API.rehabStation, "一个德康驿站：设备与学员", .rehab).returns(RehabStationDetail.self),
        .put(Route.API.rehabStationEquipment, "更新驿站设备", .rehab).body(RehabService.Equipment.self).returns(
            RehabStationDetail.self),
        .get(Route.API.rehabStationPatients, "驿站的学员", .rehab).returns([RehabPatientSummary].self),
        .post(Route.API.rehabStationPatients, "学员入站", .rehab).body(RehabService.Enrolment.self).answers(
            201, RehabPatientRecord.self),
        .post(Route.API.rehabStationAttendance, "登记学员出勤", .rehab).body(RehabService.Attendance.self).returns(
            RehabAttendanceResult.self),
        .get(Route.API.rehabPatient, "一名学员：服务与出勤", .rehab).returns(RehabPatientRecord.self),
        .post(Route.API.rehabPatientServices, "登记对学员的服务", .rehab).body(RehabService.Service.self).answers(
            201, RehabPatientRecord.self),
        .post(Route.API.rehabPatientLeaving, "学员离站", .rehab).body(RehabService.Leaving.self).returns(
            RehabPatientRecord.self),
        // rental
        .get(Route.API.rentalCatalogue, "可租赁的辅具目录", .rental).returns([RentalService.CatalogueItem].self),
        .get(Route.API.rentalPoints, "辅具租赁点", .rental).returns([RentalService.PointSummary].self),
        .post(Route.API.rentalPoints, "登记租赁点", .rental).body(RentalService.NewPoint.self).answers(
            201, RentalService.PointSummary.self),
        .get(Route.API.rentalPoint, "一个租赁点：辅具与库存", .rental).returns(RentalService.PointDetail.self),
        .post(Route.API.rentalPointDevices, "为租赁点登记辅具", .rental).body(RentalService.NewDevice.self).answers(
            201, RentalService.DeviceRecord.self),
        .get(Route.API.rentalDevice, "一件辅具的流转记录", .rental).returns([RentalStore.Event].self),
        .post(Route.API.rentalDevice, "辅具办理一步（消毒、维修、报废）", .rental).body(RentalService.DeviceAction.self).returns(
            RentalService.DeviceRecord.self),
        .get(Route.API.rentals, "辅具租赁单", .rental).returns(Page<RentalService.RentalRecord>.self),
        .post(Route.API.rentals, "办理辅具租赁", .rental).body(RentalService.NewRental.self).answers(
            201, RentalService.RentalRecord.self),
        .get(Route.API.rental, "一张租赁单", .rental).returns(RentalService.RentalRecord.self),
        .post(Route.API.rental, "租赁单办理一步（归还、续租）", .rental).body(RentalService.RentalAction.self).returns(
            RentalService.RentalRecord.self),
        .get(Route.API.rentalSettlement, "辅具租赁月度结算", .rental).returns(RentalService.Settlement.self),
        .get(Route.API.rentalYear, "辅具租赁年度统计", .rental).returns(RentalService.YearCount.self),
        // communities
        .get(Route.API.communityCommittees, "社区居（村）委会", .communities).returns(Page<CommitteeRecord>.self),
        .post(Route.API.communityCommittees, "登记居（村）委会", .communities).body(CommunityService.NewCommittee.self).answers(
            201, CommitteeRecord.self),
        .get(Route.API.communityCommittee, "一个居（村）委会：成员与培训", .communities).returns(CommitteeRecord.self),
        .post(Route.API.communityCommitteeMembers, "登记居（村）委会成员", .communities).body(CommunityService.NewMember.self)
            .answers(201, CommitteeMemberRecord.self),
        .post(Route.API.committeeMemberTrainings, "登记成员培训", .communities).body(CommunityService.NewTraining.self)
            .answers(201, CommitteeMemberRecord.self),
        .get(Route.API.committeeUntrained, "未参加培训的居（村）委会成员", .communities).returns(Page<CommitteeMemberRecord>.self),
        .get(Route.API.communityWorkers, "社区工作者", .communities).returns(CommunityService.WorkerList.self),
        .post(Route.API.communityWorkers, "登记社区工作者", .communities).body(CommunityService.NewWorker.self).answers(
            201, WorkerRecord.self),
        .get(Route.API.communityWorker, "一名社区工作者：考核与表彰", .communities).returns(WorkerRecord.self),
        .post(Route.API.communityWorkerEvaluations, "登记社区工作者考核", .communities).body(CommunityService.NewEvaluation.self)
            .answers(201, WorkerRecord.self),
        .post(Route.API.communityWorkerAwards, "登记社区工作者表彰", .communities).body(CommunityService.NewAward.self).answers(
            201, WorkerRecord.self),
        .get(Route.API.socialWorkStations, "社工站", .communities).returns(CommunityService.Coverage.self),
        .get(Route.API.socialWorkCoverage, "社工站覆盖情况（按街道）", .communities).returns(CommunityService.Coverage.self),
        .post(Route.API.socialWorkStations, "登记社工站", .communities).body(CommunityService.NewStation.self).answers(
            201, StationRecord.self),
        .get(Route.API.admissionItems, "社区准入事项清单", .communities).returns([AdmissionItemRecord].self),
        .post(Route.API.admissionItems, "新增社区准入事项", .communities).body(AdmissionService.NewItem.self).answers(
            201, AdmissionItemRecord.self),
        .post(Route.API.admissionItemWithdrawal, "退出社区准入事项", .communities).returns(AdmissionItemRecord.self),
        .get(Route.API.communityAssignments, "交办社区的工作", .communities).returns(Page<AssignmentRecord>.self),
        .post(Route.API.communityAssignments, "向社区交办工作（须为准入事项）", .communities).body(AdmissionService.NewAssignment.self)
            .answers(201, AssignmentRecord.self),
        .get(Route.API.communityTasks, "本社区承接的工作", .communities).returns(Page<AssignmentRecord>.self),
        // the resident portal and progress lookup
        .get(Route.API.services, "民政通：8 类服务与办事指南", .portal).opened(),
        .post(Route.API.progressCodes, "办件查询：向受理编号登记的手机发送验证码（是否有此编号答复相同）", .portal).opened()
            .body(S.object(["receiptNumber": S.string], required: ["receiptNumber"], closed: true)).answers(202),
        .post(Route.API.progressLookups, "办件查询：凭受理编号与验证码（本人令牌无需验证码）查看进度", .portal).opened()
            .body(S.object(["receiptNumber": S.string, "code": S.string], required: ["receiptNumber"], closed: true)),
        .get(Route.API.myProgress, "本人的全部办件：状态、下一步与期限", .portal).only(.resident),
        // statistics
        .get(Route.API.statistics, "民政统计：某月或某年的各项数字，按区、街道（冻结月份取快照）", .statistics)
            .query(
                APIQuery("month", S.string, "月份 YYYY-MM（与 year 二选一）"), APIQuery("year", S.range(2000, 2100), "年度"),
                .region
            ).needs(.viewStatistics).returns(StatisticsService.Report.self),
        .get(Route.API.dashboard, "领导驾驶舱：本年度目标（政策参数）与本辖区及下辖各区、街道的完成情况", .statistics)
            .query(APIQuery("year", S.range(2021, 2100), "年度（默认本年）")).needs(.viewStatistics)
            .returns(StatisticsService.Dashboard.self),
    ]

    /// `GET /api/v1/households/:id`, the key of an operation and of a registered route.
    static func key(_ method: HTTPMethod, _ path: [PathComponent]) -> String {
        "\(method.rawValue) /\(path.map(\.description).joined(separator: "/"))"
    }

    /// The operations by `key`.
    static let byRoute: [String: APIOperation] = Dictionary(
        all.map { ("\($0.method.rawValue) \($0.template)", $0) }, uniquingKeysWith: { first, _ in first })

    /// The roles that hold any of these permissions.
    static func holders(_ permissions: Permission...) -> [Role] {
        Role.allCases.filter { role in permissions.contains { role.may($0) } }
    }

    /// The profile of a missing or found person (寻亲登记、比对).
    static let familySearchProfile: JSONValue = S.object(
        [
            "name": S.string, "nicknames": S.array(S.string), "sex": S.enumeration(["male", "female", "unknown"]),
            "estimatedAge": S.range(0, 130), "age": S.range(0, 130),
            "birthDate": S.date, "heightCm": S.range(30, 250), "dialect": S.string,
            "homeRegion": S.string, "foundOn": S.date, "lostOn": S.date, "place": S.string, "placeText": S.string,
            "features": S.string, "clothing": S.string, "contactName": S.string, "contactPhone": S.string,
            "limit": S.range(1, 100),
        ], closed: true)
}
