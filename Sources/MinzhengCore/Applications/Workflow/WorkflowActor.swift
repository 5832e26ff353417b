/// Who asks for a step.
///
/// `applicant` is the application's own applicant: the App layer has already checked that
/// the signed-in resident is the one who applied (or, at the counter, that the officer
/// acts on the applicant's written request). Staff are described by their account's role,
/// region and, for `department` users, department code. A `resident` account passed as
/// `.staff` sees nothing (`outsideRegion`): residents act only as `.applicant`.
public enum WorkflowActor: Hashable, Sendable {
    case staff(role: Role, region: RegionCode, department: String? = nil)
    case applicant

    public var role: Role? {
        if case .staff(let role, _, _) = self { return role }
        return nil
    }
}
