import MinzhengCore
import Vapor

/// The public calculator (政策计算器): a resident enters the household on a phone and gets
/// the decision with its explanation. No sign-in; it stores nothing; each assessment
/// counts against the same per-address limit as the API.
struct CalculatorPageController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(Route.calculator.pattern, use: show)
        routes.post(Route.calculator.pattern, use: submit)
    }

    func show(req: Request) async throws -> View {
        let form = CalculatorForm(fields: [
            "region": RegionTable.changzhou.value, "month": req.today.yearMonth.description, "members": "1",
        ])
        return try await render(req, form: form, result: nil, error: nil)
    }

    func submit(req: Request) async throws -> View {
        var fields = try req.content.decode([String: String].self)
        fields[CSRF.formField] = nil
        let count = CalculatorForm(fields: fields).memberCount
        switch fields["action"] {
        case "add":
            fields["members"] = String(min(CalculatorForm.maximumMembers, count + 1))
            return try await render(req, form: CalculatorForm(fields: fields), result: nil, error: nil)
        case "remove":
            fields["members"] = String(max(1, count - 1))
            return try await render(req, form: CalculatorForm(fields: fields), result: nil, error: nil)
        default:
            break
        }
        let form = CalculatorForm(fields: fields)
        try await req.admitAssessment()
        let service = AssessmentService(history: try await req.policy.history())
        do {
            let answer = try service.assess(jsonData: try form.contractJSON())
            return try await render(req, form: form, result: CalculatorResult(answer), error: nil)
        } catch let problem as CalculatorForm.Problem {
            return try await render(req, form: form, result: nil, error: (problem.message, problem.formField))
        } catch let invalid as AssessmentRequestError {
            let problem = form.problem(for: invalid)
            return try await render(req, form: form, result: nil, error: (problem.message, problem.formField))
        }
    }

    /// The sign-in page, going on to a new application once signed in.
    private static let signInThenApply =
        Route.login.path + "?next="
        + (Route.newApplication.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")

    private func render(
        _ req: Request, form: CalculatorForm, result: CalculatorResult?,
        error: (message: String, field: String?)?
    ) async throws -> View {
        let regions = [RegionTable.changzhou] + req.platform.regions.children(of: RegionTable.changzhou)
        let user = req.auth.get(CurrentUser.self)
        let page = CalculatorPage(
            layout: LayoutContext(request: req, title: "政策计算器", user: user),
            regions: regions.map { Choice(value: $0.value, label: req.platform.regions.name(of: $0) ?? $0.value) },
            region: form.value("region") ?? RegionTable.changzhou.value,
            month: form.value("month") ?? req.today.yearMonth.description,
            memberCount: form.memberCount,
            canAdd: form.memberCount < CalculatorForm.maximumMembers,
            members: (0..<form.memberCount).map {
                CalculatorMemberView(form: form, index: $0, errorField: error?.field)
            },
            household: CalculatorForm.householdAmounts.map {
                AmountField(form: form, name: $0.field, errorField: error?.field)
            },
            vehicles: form.value("vehicles") ?? "",
            residentialProperties: form.value("residentialProperties") ?? "",
            ownsBusiness: form.isChecked("ownsBusiness"),
            error: error?.message, errorField: error?.field, result: result,
            // After a result: apply (signing in first when needed) or register an account.
            applyLink: user == nil ? Self.signInThenApply : Route.newApplication.path,
            offersRegistration: user == nil)
        return try await req.view.render("policy/calculator", page)
    }
}
