// Declared means are stored as JSON, so the contract's enumerations encode as their codes.
extension AssessmentRequest.IncomeKind: Codable {}
extension AssessmentRequest.CareSetting: Codable {}
extension AssessmentRequest.ChildCategory: Codable {}
