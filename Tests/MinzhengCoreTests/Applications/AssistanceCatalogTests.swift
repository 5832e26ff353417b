import Foundation
import Testing
import MinzhengCore

@Suite("Assistance catalogue: the 32 items of 14 departments")
struct AssistanceCatalogTests {
    let catalog = AssistanceCatalog.standard

    /// CATALOG.md, section "32 items of 14 departments", transcribed name by name.
    static let catalogMarkdown: [(Department, [String])] = [
        (
            .civilAffairs,
            [
                "最低生活保障", "特困人员救助供养", "低保边缘家庭认定", "支出型困难家庭认定", "临时救助",
                "孤儿基本生活保障", "困境儿童保障", "困难残疾人生活补贴", "重度残疾人护理补贴", "尊老金",
            ]
        ),
        (.education, ["学前教育资助", "义务教育寄宿生生活补助", "普通高中国家助学金", "大学新生入学资助"]),
        (.humanResources, ["就业援助（公益性岗位）", "代缴城乡居民养老保险费", "职业技能培训补贴"]),
        (.housing, ["公共租赁住房保障", "农村危房改造"]),
        (.health, ["计划生育特殊家庭扶助"]),
        (.medicalInsurance, ["医疗救助", "资助参加居民医保"]),
        (.emergency, ["受灾人员救助", "冬春生活救助"]),
        (.justice, ["法律援助"]),
        (.veterans, ["困难退役军人帮扶援助"]),
        (.agriculture, ["防止返贫监测帮扶"]),
        (.tradeUnion, ["困难职工帮扶"]),
        (.womensFederation, ["困难妇女儿童救助"]),
        (.disabledFederation, ["残疾人康复救助（辅具适配）", "残疾人家庭无障碍改造"]),
        (.youthLeague, ["困难青少年助学"]),
    ]

    @Test func thirtyTwoItemsOfFourteenDepartments() {
        #expect(catalog.items.count == 32)
        #expect(Department.allCases.count == 14)
        #expect(catalog.departments == Department.allCases)
    }

    @Test(arguments: Self.catalogMarkdown.map { ($0.0, $0.1) })
    func eachDepartmentOwnsTheItemsOfCatalogMarkdown(department: Department, names: [String]) {
        #expect(catalog.items(of: department).map(\.name) == names)
    }

    @Test func codesAreUniqueASCIICamelCase() {
        let codes = catalog.items.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        for code in codes {
            #expect(AssistanceItemCode(code)?.rawValue == code, "\(code)")
        }
        #expect(AssistanceItemCode("Dibao") == nil)
        #expect(AssistanceItemCode("dibao-2") == nil)
        #expect(AssistanceItemCode("") == nil)
        #expect(AssistanceItemCode("低保") == nil)
    }

    @Test func departmentNamesAreChineseAndDistinct() {
        #expect(Set(Department.allCases.map(\.chinese)).count == 14)
        #expect(Set(Department.allCases.map(\.shortChinese)).count == 14)
        #expect(Department.humanResources.shortChinese == "人社局")
        #expect(Department.disabledFederation.chinese == "残疾人联合会")
    }

    @Test(arguments: [
        (AssistanceItemCode.dibao, PolicyProgram?.some(.dibao), AssistanceSubject.household),
        (.tekun, .tekun, .person),
        (.lowIncomeEdge, .lowIncomeEdge, .household),
        (.expenseHardship, .expenseHardship, .household),
        (.temporaryAssistance, nil, .household),
        (.orphan, .orphan, .person),
        (.childInDistress, .childInDistress, .person),
        (.livingSubsidy, .livingSubsidy, .person),
        (.nursingSubsidy, .nursingSubsidy, .person),
        (.seniorAllowance, .seniorAllowance, .person),
    ])
    func civilAffairsItemsAndTheirEnginePrograms(
        code: AssistanceItemCode, program: PolicyProgram?, subject: AssistanceSubject
    ) throws {
        let item = try #require(catalog.item(code))
        #expect(item.department == .civilAffairs)
        #expect(item.isCivilAffairs)
        #expect(item.route == .civilAffairsReview)
        #expect(item.engineProgram == program)
        #expect(item.subject == subject)
    }

    @Test func everyEngineProgramButIndividualDibaoLeadsToOneItem() {
        for program in PolicyProgram.allCases where program != .individualDibao {
            #expect(catalog.item(decidedBy: program)?.engineProgram == program, "\(program)")
        }
        // 单人保 is an outcome of the dibao application, not an item of its own.
        #expect(catalog.item(decidedBy: .individualDibao) == nil)
        #expect(catalog.displayName(of: .individualDibao) == "单人保（个人低保）")
    }

    @Test func otherDepartmentsAreRoutedAndNotDecidedByTheEngine() {
        let routed = catalog.items.filter { !$0.isCivilAffairs }
        #expect(routed.count == 22)
        for item in routed {
            #expect(item.engineProgram == nil, "\(item.code)")
            #expect(item.route == .departmentQueue(item.department), "\(item.code)")
        }
        #expect(catalog.item(.legalAid)?.route.chinese == "转司法局办理")
    }

    @Test(arguments: [AssistanceItemCode.dibao, .tekun])
    func dibaoAndTekunAreApprovedByTheDistrictWhateverTheAmount(code: AssistanceItemCode) throws {
        let item = try #require(catalog.item(code))
        let districtOnly = try ApprovalRule(level: .district)
        #expect(item.approval == districtOnly)
        #expect(item.approvingLevel(requestedAmount: Fen(0), standard: Fen(94_000)) == .district)
        #expect(item.approvingLevel(requestedAmount: Fen(10_000_000), standard: Fen(94_000)) == .district)
    }

    @Test func everyItemButTemporaryAssistanceDefaultsToTheDistrict() {
        for item in catalog.items where item.code != .temporaryAssistance {
            #expect(item.approval.level == .district && item.approval.escalation == nil, "\(item.code)")
        }
    }

    @Test func everyItemAsksForIdentityFirstAndNoDocumentTwice() {
        for item in catalog.items {
            #expect(item.documents.first == .identity, "\(item.code)")
            #expect(Set(item.documents.map(\.code)).count == item.documents.count, "\(item.code)")
        }
        #expect(catalog.item(.nursingSubsidy)?.documents.contains(.disabilityCertificate) == true)
        #expect(catalog.item(.medicalAssistance)?.documents.contains(.medicalRecords) == true)
        #expect(catalog.item(.dibao)?.documents.contains(.economicCheckAuthorization) == true)
    }

    @Test func standardDocumentsHaveValidDistinctCodes() throws {
        let codes = DocumentRequirement.standard.map(\.code)
        #expect(Set(codes).count == codes.count)
        for document in DocumentRequirement.standard {
            #expect(try DocumentRequirement(code: document.code, name: document.name) == document)
        }
        let used = Set(catalog.items.flatMap(\.documents))
        #expect(used.isSubset(of: Set(DocumentRequirement.standard)))
    }

    @Test func theAdministratorEditsApprovalAndDocuments() throws {
        let temporary = try #require(catalog.item(.temporaryAssistance))
        let edited = try temporary.editing(
            approval: ApprovalRule(level: .district),
            documents: [.identity, .hardshipStatement, .medicalRecords])
        let changed = try catalog.replacing(edited)
        #expect(changed.item(.temporaryAssistance)?.approval.escalation == nil)
        #expect(changed.item(.temporaryAssistance)?.documents.count == 3)
        #expect(changed.item(.temporaryAssistance)?.name == "临时救助")
        #expect(changed.items.map(\.code) == catalog.items.map(\.code))

        #expect(throws: AssistanceCatalogError(field: "documents", message: "至少需要一项申请材料")) {
            try temporary.editing(documents: [])
        }
        #expect(throws: AssistanceCatalogError.self) { try temporary.editing(documents: [.identity, .identity]) }
    }
}
