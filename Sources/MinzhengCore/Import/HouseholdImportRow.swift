import Foundation

/// One row of the household import file: a person and the household it belongs to.
public struct HouseholdImportRow: Sendable {
    public let line: Int
    public let householdRef: String
    public let relation: Relation
    public let person: PersonDraft
    public let region: RegionCode
    public let address: String
}

/// Which column holds which field, from the header row (English or Chinese names, any order).
public struct HouseholdImportColumns: Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case householdRef, relation, name, idNumber, region, address, phone, hukou

        var aliases: [String] {
            switch self {
            case .householdRef: return ["householdref", "户编号"]
            case .relation: return ["relation", "与户主关系"]
            case .name: return ["name", "姓名"]
            case .idNumber: return ["idnumber", "身份证号", "身份证号码", "公民身份号码"]
            case .region: return ["region", "所属区划", "区划代码"]
            case .address: return ["address", "地址", "家庭住址"]
            case .phone: return ["phone", "联系电话", "电话"]
            case .hukou: return ["hukou", "户籍性质"]
            }
        }

        static let required: [Field] = [.householdRef, .relation, .name, .idNumber, .region, .address]

        public var chineseName: String { aliases.last! }
    }

    private let index: [Field: Int]

    /// Maps the header; a missing required column or an unknown or repeated one is an error.
    public init(header: [String]) throws(FieldProblem) {
        var index: [Field: Int] = [:]
        for (i, raw) in header.enumerated() {
            let name = raw.trimmedWhitespace.lowercased()
            // The refused-rows file adds its line and reason columns: it is imported again as it is.
            if name.isEmpty || RefusedRows.isAddedColumn(name) { continue }
            guard let field = Field.allCases.first(where: { $0.aliases.contains(name) }) else {
                throw FieldProblem("header", "第1行：未知的列名“\(raw)”")
            }
            guard index[field] == nil else { throw FieldProblem("header", "第1行：列“\(raw)”重复") }
            index[field] = i
        }
        let missing = Field.required.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw FieldProblem(
                "header", "第1行：缺少必需的列 " + missing.map { "\($0.rawValue)/\($0.aliases.last!)" }.joined(separator: "、"))
        }
        self.index = index
    }

    /// The household reference of a record, even when the rest of the row is invalid.
    public func householdRefValue(_ fields: [String]) -> String? {
        guard let i = index[.householdRef], i < fields.count else { return nil }
        let v = fields[i].trimmedWhitespace
        return v.isEmpty ? nil : v
    }

    /// Validates one record; the problem's message names the column.
    public func row(
        _ fields: [String], line: Int, today: CivilDate, regions: RegionTable
    ) throws(FieldProblem) -> HouseholdImportRow {
        func value(_ f: Field) -> String? {
            guard let i = index[f], i < fields.count else { return nil }
            let v = fields[i].trimmedWhitespace
            return v.isEmpty ? nil : v
        }
        guard let ref = householdRefValue(fields) else { throw FieldProblem("householdRef", "缺少户编号") }
        guard let relationText = value(.relation) else { throw FieldProblem("relation", "缺少与户主关系") }
        guard let relation = Relation(code: relationText) else {
            throw FieldProblem("relation", "与户主关系“\(relationText)”无效")
        }
        let person = try PersonFields(
            name: value(.name), idNumber: value(.idNumber), phone: value(.phone), hukou: value(.hukou)
        )
        .validated(today: today)
        let region = try RegistryValidation.householdRegion(value(.region), table: regions)
        let address = try RegistryValidation.address(value(.address))
        return HouseholdImportRow(
            line: line, householdRef: ref, relation: relation, person: person, region: region, address: address)
    }
}
