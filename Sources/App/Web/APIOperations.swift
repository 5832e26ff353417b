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
        .get(Route.API.users, "list: users", .users),
        .post(Route.API.users, "create or send: users", .users).answers(201),
        .get(Route.API.user, "read: user", .users),
        .post(Route.API.userDisable, "act on: user disable", .users),
        .post(Route.API.userEnable, "act on: user enable", .users),
        .post(Route.API.userResetPassword, "act on: user reset password", .users),
        .get(Route.API.userTokens, "read: user tokens", .users),
        .delete(Route.API.userToken, "delete: user token", .users).answers(204),
        // registry
        .get(Route.API.households, "住户列表（本辖区）", .registry)
            .query(
                .region, APIQuery("address", S.string, "地址包含"), .sort(["region", "address", "head", "updated"]), .page,
                .perPage, APIQuery("after", S.string, "上一页的 next"), APIQuery("before", S.string, "下一页的 previous")
            ).returns(S.page(S.ref("HouseholdSummary"))).scoped(.registryRead),
        .post(Route.API.households, "create or send: households", .registry).answers(201),
        .get(Route.API.household, "一户的档案：成员、版本", .registry).returns(S.ref("HouseholdDetail")).scoped(.registryRead),
        .patch(Route.API.household, "edit: household", .registry),
        .post(Route.API.householdMembers, "act on: household members", .registry),
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
        .get(Route.API.person, "一人的档案", .registry).returns(
            S.object(["id": S.uuid, "version": S.integer], required: ["id"])
        ).scoped(.registryRead),
        .patch(Route.API.person, "edit: person", .registry),
        .put(Route.API.personBankAccount, "set: person bank account", .registry),
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
        .post(Route.API.applications, "提交申请（居民只能为本户）", .applications)
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
        .get(Route.API.enrollments, "list: enrollments", .payroll),
        .post(Route.API.enrollmentStatus, "act on: enrollment status", .payroll),
        .get(Route.API.enrollmentReviews, "list: enrollment reviews", .payroll),
        .get(Route.API.enrollmentReview, "read: enrollment review", .payroll),
        .post(Route.API.enrollmentReview, "act on: enrollment review", .payroll),
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
            .returns(S.page(S.object(["id": S.uuid], required: ["id"]))),
        .post(Route.API.taskVisit, "act on: task visit", .monitoring),
        // homeCare
        .get(Route.API.homeCareProviders, "list: home care providers", .homeCare),
        .post(Route.API.homeCareProviders, "create or send: home care providers", .homeCare).answers(201),
        .get(Route.API.homeCareWorkers, "read: home care workers", .homeCare),
        .post(Route.API.homeCareWorkers, "act on: home care workers", .homeCare).answers(201),
        .get(Route.API.homeCareOrders, "list: home care orders", .homeCare),
        .post(Route.API.homeCareOrders, "create or send: home care orders", .homeCare).answers(201),
        .get(Route.API.homeCareOrder, "read: home care order", .homeCare),
        .post(Route.API.homeCareOrderStep, "act on: home care order step", .homeCare).values(
            "action", HomeCareOrderState.Action.allCases.map(\.rawValue)),
        .get(Route.API.homeCareEntitlement, "read: home care entitlement", .homeCare),
        .get(Route.API.homeCareSettlement, "list: home care settlement", .homeCare),
        // adaptations
        .get(Route.API.adaptations, "list: adaptations", .adaptations),
        .post(Route.API.adaptationScreening, "create or send: adaptation screening", .adaptations),
        .get(Route.API.adaptationProgress, "list: adaptation progress", .adaptations),
        .get(Route.API.adaptation, "read: adaptation", .adaptations),
        .post(Route.API.adaptationStep, "act on: adaptation step", .adaptations).values(
            "action", AdaptationState.Action.allCases.map(\.rawValue)),
        .post(Route.API.adaptationPhotos, "act on: adaptation photos", .adaptations).answers(201),
        // ability
        .post(Route.API.abilityScores, "create or send: ability scores", .ability),
        .post(Route.API.personAbilityAssessments, "act on: person ability assessments", .ability).answers(201),
        .get(Route.API.personAbilityAssessments, "read: person ability assessments", .ability),
        .get(Route.API.abilityAssessmentsDue, "list: ability assessments due", .ability),
        // facilities
        .get(Route.API.facilities, "list: facilities", .facilities),
        .post(Route.API.facilities, "create or send: facilities", .facilities).answers(201),
        .get(Route.API.facility, "read: facility", .facilities),
        .put(Route.API.facility, "set: facility", .facilities),
        .get(Route.API.facilityBeds, "list: facility beds", .facilities),
        .get(Route.API.gradings, "list: gradings", .facilities),
        .post(Route.API.gradings, "create or send: gradings", .facilities).answers(201),
        .get(Route.API.grading, "read: grading", .facilities),
        .post(Route.API.gradingActions, "act on: grading actions", .facilities),
        .get(Route.API.inspectionRounds, "list: inspection rounds", .facilities),
        .post(Route.API.inspectionRounds, "create or send: inspection rounds", .facilities).answers(201),
        .post(Route.API.inspections, "create or send: inspections", .facilities).answers(201),
        .get(Route.API.hazards, "list: hazards", .facilities),
        .get(Route.API.hazard, "read: hazard", .facilities),
        .post(Route.API.hazardActions, "act on: hazard actions", .facilities),
        .post(Route.API.hazardEvidence, "act on: hazard evidence", .facilities).answers(201),
        .get(Route.API.inspectionCounts, "list: inspection counts", .facilities),
        // seniorAllowance
        .get(Route.API.seniorAllowanceWrongPayments, "list: senior allowance wrong payments", .seniorAllowance),
        // bookings
        .get(Route.API.slots, "可预约时段（公开）", .bookings).opened(),
        .get(Route.API.bookingResources, "可预约的办事点（公开）", .bookings).opened(),
        .get(Route.API.bookingDraws, "热门日期摇号结果（公开）", .bookings).opened(),
        .get(Route.API.bookings, "list: bookings", .bookings),
        .post(Route.API.bookings, "create or send: bookings", .bookings).answers(201),
        .get(Route.API.booking, "read: booking", .bookings),
        .delete(Route.API.booking, "delete: booking", .bookings),
        .post(Route.API.bookingArrival, "act on: booking arrival", .bookings),
        .post(Route.API.bookingNoShow, "act on: booking no show", .bookings),
        .post(Route.API.bookingConfirmation, "act on: booking confirmation", .bookings),
        .get(Route.API.bookingChallenge, "list: booking challenge", .bookings),
        .get(Route.API.bookingRequests, "list: booking requests", .bookings),
        .post(Route.API.bookingRequests, "create or send: booking requests", .bookings).answers(201),
        // marriage
        .get(Route.API.marriages, "list: marriages", .marriage),
        .post(Route.API.marriages, "create or send: marriages", .marriage).answers(201),
        .get(Route.API.marriage, "read: marriage", .marriage),
        .post(Route.API.marriageReplacement, "act on: marriage replacement", .marriage).answers(201),
        .post(Route.API.divorces, "create or send: divorces", .marriage).answers(201),
        .get(Route.API.divorce, "read: divorce", .marriage),
        .post(Route.API.divorceWithdrawal, "act on: divorce withdrawal", .marriage),
        .post(Route.API.divorceRegistration, "act on: divorce registration", .marriage).answers(201),
        // funeral
        .get(Route.API.cemeteries, "公益性公墓余量（公开）", .funeral).opened(),
        .post(Route.API.cemeteryAllocations, "create or send: cemetery allocations", .funeral).answers(201),
        .post(Route.API.cemeteryRenewal, "act on: cemetery renewal", .funeral),
        .get(Route.API.funeralHomes, "殡仪馆（公开）", .funeral).opened(),
        .get(Route.API.funeralHomePrices, "殡仪馆收费公示（公开）", .funeral).opened(),
        .post(Route.API.funeralHomePrices, "act on: funeral home prices", .funeral).answers(201),
        .post(Route.API.funeralBills, "create or send: funeral bills", .funeral).answers(201),
        .get(Route.API.funeralBills, "list: funeral bills", .funeral),
        .get(Route.API.funeralBill, "read: funeral bill", .funeral),
        .get(Route.API.funeralPriceCheck, "list: funeral price check", .funeral),
        .post(Route.API.deathCertificates, "create or send: death certificates", .funeral).answers(201),
        .get(Route.API.gateCode, "read: gate code", .funeral),
        .post(Route.API.gateChecks, "create or send: gate checks", .funeral),
        .get(Route.API.funeralSubsidies, "list: funeral subsidies", .funeral),
        .get(Route.API.funeralSubsidy, "read: funeral subsidy", .funeral),
        .post(Route.API.funeralSubsidy, "act on: funeral subsidy", .funeral),
        // disability
        .get(Route.API.disabilitySubsidyProposals, "list: disability subsidy proposals", .disability),
        .get(Route.API.disabilitySubsidyProposal, "read: disability subsidy proposal", .disability),
        .post(Route.API.disabilitySubsidyProposal, "act on: disability subsidy proposal", .disability),
        // childProtection
        .get(Route.API.childCases, "list: child cases", .childProtection),
        .post(Route.API.childCases, "create or send: child cases", .childProtection).answers(201),
        .get(Route.API.childCase, "read: child case", .childProtection),
        .post(Route.API.childCaseStep, "act on: child case step", .childProtection).values(
            "step", ["assignment", "records", "referrals", "closure"]),
        .post(Route.API.childCaseReferral, "act on: child case referral", .childProtection),
        // children
        .get(Route.API.children, "list: children", .children),
        .post(Route.API.children, "create or send: children", .children).answers(201),
        .get(Route.API.childrenTurningAdult, "list: children turning adult", .children),
        .get(Route.API.child, "read: child", .children),
        .post(Route.API.childCategoryChange, "act on: child category change", .children),
        .post(Route.API.childCategoryEnd, "act on: child category end", .children),
        .get(Route.API.childVisits, "list: child visits", .children),
        .post(Route.API.childVisit, "act on: child visit", .children),
        .get(Route.API.childCareHomes, "list: child care homes", .children),
        .post(Route.API.childCareHomes, "create or send: child care homes", .children).answers(201),
        .get(Route.API.childCareHome, "read: child care home", .children),
        .post(Route.API.childCareHomeActivities, "act on: child care home activities", .children).answers(201),
        .post(Route.API.childCareHomeChildren, "act on: child care home children", .children).answers(201),
        // familySearch
        .get(Route.API.familySearchPublicNotices, "寻亲公告（公开）", .familySearch).opened().query(.page, .perPage),
        .post(Route.API.familySearchMatches, "寻亲比对：按特征找候选人", .familySearch)
            .body(APIOperations.familySearchProfile)
            .returns(S.object(["candidates": S.array(S.object([:]))], required: ["candidates"])).scoped(.familySearch),
        .post(Route.API.familySearchMatch, "确认或否定一个比对结果（DNA、人脸比对结果）", .familySearch).scoped(.familySearch),
        .post(Route.API.familySearchNotices, "create or send: family search notices", .familySearch).answers(201),
        .get(Route.API.familySearchQueue, "待确认的比对结果", .familySearch).returns(
            S.array(S.object(["id": S.uuid], required: ["id"]))
        ).scoped(.familySearch),
        .post(Route.API.familySearchReports, "create or send: family search reports", .familySearch).answers(201),
        .get(Route.API.familySearchReports, "list: family search reports", .familySearch),
        .get(Route.API.familySearchReport, "read: family search report", .familySearch),
        // station
        .get(Route.API.stationCases, "list: station cases", .station),
        .post(Route.API.stationCases, "create or send: station cases", .station).answers(201),
        .get(Route.API.stationCase, "read: station case", .station),
        .post(Route.API.stationCaseEntries, "act on: station case entries", .station),
        .post(Route.API.stationCaseChecks, "act on: station case checks", .station),
        .post(Route.API.stationCasePhotos, "act on: station case photos", .station).answers(201),
        .post(Route.API.stationCaseFace, "act on: station case face", .station),
        .post(Route.API.stationCaseNotice, "act on: station case notice", .station).answers(201),
        .post(Route.API.stationCaseOutcome, "act on: station case outcome", .station),
        // organisations
        .get(Route.API.organisationApplications, "list: organisation applications", .organisations),
        .post(Route.API.organisationApplications, "create or send: organisation applications", .organisations).answers(
            201),
        .get(Route.API.organisationApplication, "read: organisation application", .organisations),
        .post(Route.API.organisationApplicationActions, "act on: organisation application actions", .organisations),
        .get(Route.API.organisationCertificates, "read: organisation certificates", .organisations),
        .get(Route.API.organisationCertificate, "read: organisation certificate", .organisations),
        .post(Route.API.organisationRevocation, "act on: organisation revocation", .organisations),
        .post(Route.API.organisationUnreachable, "act on: organisation unreachable", .organisations),
        .delete(Route.API.organisationUnreachable, "delete: organisation unreachable", .organisations),
        .get(Route.API.organisations, "list: organisations", .organisations),
        .post(Route.API.organisations, "create or send: organisations", .organisations).answers(201),
        .get(Route.API.organisation, "read: organisation", .organisations),
        .post(Route.API.organisationAccount, "act on: organisation account", .organisations).answers(201),
        .get(Route.API.organisationReports, "read: organisation reports", .organisations),
        .post(Route.API.organisationReports, "act on: organisation reports", .organisations).answers(201),
        .post(Route.API.organisationReview, "act on: organisation review", .organisations),
        .get(Route.API.dormantOrganisations, "list: dormant organisations", .organisations),
        .get(Route.API.organisationNotices, "list: organisation notices", .organisations),
        .get(Route.API.myOrganisation, "list: my organisation", .organisations),
        // ratings
        .get(Route.API.ratings, "list: ratings", .ratings),
        .post(Route.API.ratings, "create or send: ratings", .ratings).answers(201),
        .get(Route.API.rating, "read: rating", .ratings),
        .post(Route.API.ratingReviewers, "act on: rating reviewers", .ratings),
        .post(Route.API.ratingScores, "act on: rating scores", .ratings),
        .post(Route.API.ratingPublicity, "act on: rating publicity", .ratings),
        .post(Route.API.ratingDecision, "act on: rating decision", .ratings),
        .get(Route.API.reviewerPool, "list: reviewer pool", .ratings),
        .post(Route.API.reviewerPool, "create or send: reviewer pool", .ratings).answers(201),
        .get(Route.API.reviewerDeclarations, "read: reviewer declarations", .ratings),
        .post(Route.API.reviewerDeclarations, "act on: reviewer declarations", .ratings).answers(201),
        .post(Route.API.organisationPenalties, "act on: organisation penalties", .ratings).answers(201),
        // funding
        .get(Route.API.fundingRounds, "list: funding rounds", .funding),
        .post(Route.API.fundingRounds, "create or send: funding rounds", .funding).answers(201),
        .get(Route.API.fundingRound, "read: funding round", .funding),
        .post(Route.API.fundingProposals, "act on: funding proposals", .funding).answers(201),
        .post(Route.API.fundingAwards, "act on: funding awards", .funding),
        .get(Route.API.fundingProposal, "read: funding proposal", .funding),
        .post(Route.API.fundingReviewers, "act on: funding reviewers", .funding),
        .post(Route.API.fundingScores, "act on: funding scores", .funding),
        .get(Route.API.fundingMilestones, "read: funding milestones", .funding),
        .post(Route.API.fundingMilestone, "act on: funding milestone", .funding),
        .post(Route.API.fundingAcceptance, "act on: funding acceptance", .funding),
        .get(Route.API.fundingTotals, "list: funding totals", .funding),
        .post(Route.API.fundingPayment, "act on: funding payment", .funding),
        // charity
        .get(Route.API.charitableOrganisations, "list: charitable organisations", .charity),
        .post(Route.API.charitableOrganisations, "create or send: charitable organisations", .charity).answers(201),
        .get(Route.API.charitableOrganisation, "read: charitable organisation", .charity),
        .post(Route.API.charitableDecision, "act on: charitable decision", .charity),
        .post(Route.API.charitableQualification, "act on: charitable qualification", .charity),
        .post(Route.API.charitableFilings, "act on: charitable filings", .charity).answers(201),
        .get(Route.API.charityFilings, "list: charity filings", .charity),
        .get(Route.API.charityFiling, "read: charity filing", .charity),
        .post(Route.API.charityFilingRaised, "act on: charity filing raised", .charity),
        .get(Route.API.charityAwards, "list: charity awards", .charity),
        .post(Route.API.charityAwards, "create or send: charity awards", .charity).answers(201),
        .get(Route.API.charityAward, "read: charity award", .charity),
        .post(Route.API.charityNominations, "act on: charity nominations", .charity).answers(201),
        .post(Route.API.charityPublicity, "act on: charity publicity", .charity),
        .post(Route.API.charityAwarding, "act on: charity awarding", .charity),
        .post(Route.API.charityReview, "act on: charity review", .charity),
        .post(Route.API.charityObjections, "act on: charity objections", .charity).answers(201),
        .post(Route.API.charityResolution, "act on: charity resolution", .charity),
        .get(Route.API.charityNeeds, "list: charity needs", .charity),
        .post(Route.API.charityNeeds, "create or send: charity needs", .charity).answers(201),
        .get(Route.API.charityNeed, "read: charity need", .charity),
        .post(Route.API.charityNeedAction, "act on: charity need action", .charity).values(
            "action", CharityNeedState.Action.allCases.map(\.rawValue)),
        .get(Route.API.charityTotals, "list: charity totals", .charity),
        .get(Route.API.householdCharity, "read: household charity", .charity),
        // illegalOrganisations
        .get(Route.API.illegalOrganisations, "list: illegal organisations", .illegalOrganisations),
        .post(Route.API.illegalOrganisations, "create or send: illegal organisations", .illegalOrganisations).answers(
            201),
        .get(Route.API.illegalOrganisationCounts, "list: illegal organisation counts", .illegalOrganisations),
        .get(Route.API.illegalOrganisation, "read: illegal organisation", .illegalOrganisations),
        .post(Route.API.organisationTradeAssociation, "act on: organisation trade association", .illegalOrganisations),
        .get(Route.API.tradeFees, "list: trade fees", .illegalOrganisations),
        .post(Route.API.tradeFees, "create or send: trade fees", .illegalOrganisations).answers(201),
        .get(Route.API.tradeFee, "read: trade fee", .illegalOrganisations),
        .post(Route.API.tradeFeeFinding, "act on: trade fee finding", .illegalOrganisations),
        .post(Route.API.tradeFeeRefunds, "act on: trade fee refunds", .illegalOrganisations).answers(201),
        .get(Route.API.tradeFeeTotals, "list: trade fee totals", .illegalOrganisations),
        .post(
            Route.API.illegalOrganisationAssignment, "act on: illegal organisation assignment", .illegalOrganisations),
        .post(Route.API.illegalOrganisationNotes, "act on: illegal organisation notes", .illegalOrganisations),
        .post(Route.API.illegalOrganisationClosure, "act on: illegal organisation closure", .illegalOrganisations),
        // adoption
        .get(Route.API.adoptions, "list: adoptions", .adoption),
        .post(Route.API.adoptions, "create or send: adoptions", .adoption).answers(201),
        .get(Route.API.adoption, "read: adoption", .adoption),
        .post(Route.API.adoptionDissolution, "act on: adoption dissolution", .adoption).answers(201),
        // placeNames
        .get(Route.API.seatMoves, "list: seat moves", .placeNames),
        .post(Route.API.seatMoves, "create or send: seat moves", .placeNames).answers(201),
        .get(Route.API.seatMove, "read: seat move", .placeNames),
        .post(Route.API.seatMoveSteps, "act on: seat move steps", .placeNames),
        .get(Route.API.placeNameDirectory, "标准地名查询（公开）", .placeNames).opened(),
        .get(Route.API.placeNameDirectoryEntry, "一个标准地名（公开）", .placeNames).opened(),
        .get(Route.API.placeNameSignList, "list: place name sign list", .placeNames),
        .get(Route.API.placeNames, "list: place names", .placeNames),
        .post(Route.API.placeNames, "create or send: place names", .placeNames).answers(201),
        .get(Route.API.placeName, "read: place name", .placeNames),
        .post(Route.API.placeNameSteps, "act on: place name steps", .placeNames),
        .get(Route.API.placeNameSigns, "read: place name signs", .placeNames),
        .post(Route.API.placeNameSigns, "act on: place name signs", .placeNames).answers(201),
        .post(Route.API.placeNameSignInspections, "act on: place name sign inspections", .placeNames),
        // rehab
        .get(Route.API.rehabStations, "list: rehab stations", .rehab),
        .post(Route.API.rehabStations, "create or send: rehab stations", .rehab).answers(201),
        .get(Route.API.rehabStation, "read: rehab station", .rehab),
        .put(Route.API.rehabStationEquipment, "set: rehab station equipment", .rehab),
        .get(Route.API.rehabStationPatients, "read: rehab station patients", .rehab),
        .post(Route.API.rehabStationPatients, "act on: rehab station patients", .rehab).answers(201),
        .post(Route.API.rehabStationAttendance, "act on: rehab station attendance", .rehab),
        .get(Route.API.rehabPatient, "read: rehab patient", .rehab),
        .post(Route.API.rehabPatientServices, "act on: rehab patient services", .rehab).answers(201),
        .post(Route.API.rehabPatientLeaving, "act on: rehab patient leaving", .rehab),
        // rental
        .get(Route.API.rentalCatalogue, "list: rental catalogue", .rental),
        .get(Route.API.rentalPoints, "list: rental points", .rental),
        .post(Route.API.rentalPoints, "create or send: rental points", .rental).answers(201),
        .get(Route.API.rentalPoint, "read: rental point", .rental),
        .post(Route.API.rentalPointDevices, "act on: rental point devices", .rental).answers(201),
        .get(Route.API.rentalDevice, "read: rental device", .rental),
        .post(Route.API.rentalDevice, "act on: rental device", .rental),
        .get(Route.API.rentals, "list: rentals", .rental),
        .post(Route.API.rentals, "create or send: rentals", .rental).answers(201),
        .get(Route.API.rental, "read: rental", .rental),
        .post(Route.API.rental, "act on: rental", .rental),
        .get(Route.API.rentalSettlement, "list: rental settlement", .rental),
        .get(Route.API.rentalYear, "list: rental year", .rental),
        // communities
        .get(Route.API.communityCommittees, "list: community committees", .communities),
        .post(Route.API.communityCommittees, "create or send: community committees", .communities).answers(201),
        .get(Route.API.communityCommittee, "read: community committee", .communities),
        .post(Route.API.communityCommitteeMembers, "act on: community committee members", .communities).answers(201),
        .post(Route.API.committeeMemberTrainings, "act on: committee member trainings", .communities).answers(201),
        .get(Route.API.committeeUntrained, "list: committee untrained", .communities),
        .get(Route.API.communityWorkers, "list: community workers", .communities),
        .post(Route.API.communityWorkers, "create or send: community workers", .communities).answers(201),
        .get(Route.API.communityWorker, "read: community worker", .communities),
        .post(Route.API.communityWorkerEvaluations, "act on: community worker evaluations", .communities).answers(201),
        .post(Route.API.communityWorkerAwards, "act on: community worker awards", .communities).answers(201),
        .get(Route.API.socialWorkStations, "list: social work stations", .communities),
        .get(Route.API.socialWorkCoverage, "list: social work coverage", .communities),
        .post(Route.API.socialWorkStations, "create or send: social work stations", .communities).answers(201),
        .get(Route.API.admissionItems, "list: admission items", .communities),
        .post(Route.API.admissionItems, "create or send: admission items", .communities).answers(201),
        .post(Route.API.admissionItemWithdrawal, "act on: admission item withdrawal", .communities),
        .get(Route.API.communityAssignments, "list: community assignments", .communities),
        .post(Route.API.communityAssignments, "create or send: community assignments", .communities).answers(201),
        .get(Route.API.communityTasks, "list: community tasks", .communities),
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
            ).needs(.viewStatistics),
        .get(Route.API.dashboard, "领导驾驶舱：本年度目标（政策参数）与本辖区及下辖各区、街道的完成情况", .statistics)
            .query(APIQuery("year", S.range(2021, 2100), "年度（默认本年）")).needs(.viewStatistics)
            .returns(
                S.object(
                    [
                        "year": S.integer, "month": S.string,
                        "lines": S.array(
                            S.object(
                                [
                                    "key": S.string, "name": S.string,
                                    "cells": S.array(
                                        S.object(
                                            [
                                                "region": S.string, "regionName": S.string, "actual": S.string,
                                                "target": S.string, "percent": S.integer, "reached": S.boolean,
                                            ], required: ["region", "regionName", "actual", "reached"])),
                                ], required: ["key", "name", "cells"])),
                    ], required: ["year", "month", "lines"])),
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
