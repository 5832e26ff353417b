import Foundation

extension AssessmentRequest {
    /// Decodes and validates the JSON body of the contract (POLICY.md section 4).
    ///
    /// Unknown fields, wrong JSON types, unknown enumeration values, `null` where the
    /// default is not null, and everything `validate()` checks are errors naming the field.
    public init(jsonData: Data) throws(AssessmentRequestError) {
        let root = try PolicyJSONFields(try PolicyJSON.parse(jsonData), path: "")
        try root.rejectUnknown(["region", "month", "members", "assets", "annualRigidExpensesFen"])

        let region = try root.required("region", PolicyJSONRead.string)
        let month = try root.required("month", PolicyJSONRead.month)
        let memberValues = try root.required("members", PolicyJSONRead.array)
        var members: [Member] = []
        members.reserveCapacity(memberValues.count)
        for (i, value) in memberValues.enumerated() {
            members.append(try Member(json: value, path: "members[\(i)]"))
        }
        let assets =
            try root.optional("assets") { (v, path) throws(AssessmentRequestError) in
                try Assets(json: v, path: path)
            } ?? Assets()
        let expenses =
            try root.optional("annualRigidExpensesFen") { (v, path) throws(AssessmentRequestError) in
                try RigidExpenses(json: v, path: path)
            } ?? RigidExpenses()

        self.init(region: region, month: month, members: members, assets: assets, annualRigidExpensesFen: expenses)
        try validate()
    }
}

extension AssessmentRequest.Member {
    fileprivate init(json: PolicyJSON, path: String) throws(AssessmentRequestError) {
        let f = try PolicyJSONFields(json, path: path)
        try f.rejectUnknown([
            "birthDate", "sex", "hukou", "disabilityGrade", "disabilityKind", "seriousIllness", "selfCare",
            "laborCapacity", "hasCapableSupporter", "orphan", "careSetting", "childCategory", "incomes",
        ])
        // Arguments are evaluated in order, so the first bad field in contract order is reported.
        self.init(
            birthDate: try f.required("birthDate", PolicyJSONRead.date),
            sex: try f.required("sex", PolicyJSONRead.enumeration),
            hukou: try f.optional("hukou", PolicyJSONRead.enumeration) ?? .urban,
            disabilityGrade: try f.nullable("disabilityGrade", PolicyJSONRead.int),
            disabilityKind: try f.nullable("disabilityKind", PolicyJSONRead.enumeration),
            seriousIllness: try f.optional("seriousIllness", PolicyJSONRead.bool) ?? false,
            selfCare: try f.optional("selfCare", PolicyJSONRead.enumeration) ?? .full,
            laborCapacity: try f.optional("laborCapacity", PolicyJSONRead.enumeration) ?? .full,
            hasCapableSupporter: try f.optional("hasCapableSupporter", PolicyJSONRead.bool) ?? true,
            orphan: try f.optional("orphan", PolicyJSONRead.bool) ?? false,
            careSetting: try f.nullable("careSetting", PolicyJSONRead.enumeration),
            childCategory: try f.nullable("childCategory", PolicyJSONRead.enumeration),
            incomes: try Self.incomes(f)
        )
    }

    private static func incomes(_ f: PolicyJSONFields) throws(AssessmentRequestError) -> [AssessmentRequest.Income] {
        guard let values = try f.optional("incomes", PolicyJSONRead.array) else { return [] }
        var incomes: [AssessmentRequest.Income] = []
        incomes.reserveCapacity(values.count)
        for (j, value) in values.enumerated() {
            incomes.append(try AssessmentRequest.Income(json: value, path: "\(f.path("incomes"))[\(j)]"))
        }
        return incomes
    }
}

extension AssessmentRequest.Income {
    fileprivate init(json: PolicyJSON, path: String) throws(AssessmentRequestError) {
        let f = try PolicyJSONFields(json, path: path)
        try f.rejectUnknown(["kind", "monthlyFen"])
        self.init(
            kind: try f.required("kind", PolicyJSONRead.enumeration),
            monthlyFen: try f.required("monthlyFen", PolicyJSONRead.fen))
    }
}

extension AssessmentRequest.Assets {
    fileprivate init(json: PolicyJSON, path: String) throws(AssessmentRequestError) {
        let f = try PolicyJSONFields(json, path: path)
        try f.rejectUnknown(["financialFen", "vehicles", "residentialProperties", "ownsBusiness"])
        self.init(
            financialFen: try f.optional("financialFen", PolicyJSONRead.fen) ?? .zero,
            vehicles: try f.optional("vehicles", PolicyJSONRead.int) ?? 0,
            residentialProperties: try f.optional("residentialProperties", PolicyJSONRead.int) ?? 0,
            ownsBusiness: try f.optional("ownsBusiness", PolicyJSONRead.bool) ?? false)
    }
}

extension AssessmentRequest.RigidExpenses {
    fileprivate init(json: PolicyJSON, path: String) throws(AssessmentRequestError) {
        let f = try PolicyJSONFields(json, path: path)
        try f.rejectUnknown(["medical", "education", "rehabilitation", "disaster"])
        self.init(
            medical: try f.optional("medical", PolicyJSONRead.fen) ?? .zero,
            education: try f.optional("education", PolicyJSONRead.fen) ?? .zero,
            rehabilitation: try f.optional("rehabilitation", PolicyJSONRead.fen) ?? .zero,
            disaster: try f.optional("disaster", PolicyJSONRead.fen) ?? .zero)
    }
}
