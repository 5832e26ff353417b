import MinzhengCore
import Testing

/// The registry flow of `ApplicationWorkflow` (成立、变更、注销登记) and the registration's Core
/// pieces: what a change must carry, the certificate's number and validity.
@Suite("Social organisations: the registry flow and the certificate")
struct OrganisationRegistrationTests {
    static let day = CivilDate(year: 2026, month: 3, day: 10)!
    static let workflow = ApplicationWorkflow()
    static let clerk = WorkflowActor.staff(role: .districtOfficer, region: RegionCode("320402")!)

    static func state(_ status: WorkflowState, region: String = "320402001") -> ApplicationState {
        ApplicationState(status: status, flow: .registry, region: RegionCode(region)!)
    }

    @Test(
        "each state allows exactly its actions",
        arguments: [
            (WorkflowState.submitted, [WorkflowActionKind.accept, .reject, .returnForDocuments, .withdraw]),
            (.accepted, [.review, .reject, .returnForDocuments, .withdraw]),
            (.reviewed, [.approve, .reject, .returnForDocuments, .withdraw]),
            (.returned, [.resubmit, .withdraw]), (.approved, []), (.rejected, []), (.withdrawn, []),
            (.investigated, []), (.publicized, []),
        ])
    func states(status: WorkflowState, allowed: [WorkflowActionKind]) {
        #expect(WorkflowTable.allowedActions(in: status, flow: .registry) == allowed)
    }

    @Test("the clerk takes the staff steps; the applicant only resubmits and withdraws; others see nothing")
    func who() throws {
        let w = Self.workflow
        #expect(
            w.availableActions(for: Self.state(.submitted), by: Self.clerk, on: Self.day) == [
                .accept, .reject, .returnForDocuments, .withdraw,
            ])
        #expect(w.availableActions(for: Self.state(.reviewed), by: .applicant, on: Self.day) == [.withdraw])
        #expect(w.check(.approve, on: Self.state(.reviewed), by: .applicant, on: Self.day)?.kind == .forbidden)
        // No publicity on this flow: approval right after the review.
        let approved = try w.apply(.approve(), to: Self.state(.reviewed), by: Self.clerk, on: Self.day).get()
        #expect(approved.to == .approved)
        // A street officer holds no registry permission; another district's clerk cannot see it.
        let street = WorkflowActor.staff(role: .streetOfficer, region: RegionCode("320402001")!)
        #expect(w.check(.accept, on: Self.state(.submitted), by: street, on: Self.day)?.kind == .forbidden)
        let other = WorkflowActor.staff(role: .districtOfficer, region: RegionCode("320404")!)
        #expect(w.check(.accept, on: Self.state(.submitted), by: other, on: Self.day) == .outsideRegion)
        // Returned from review, resubmitted back to review.
        let returned = try w.apply(.returnForDocuments("补充章程"), to: Self.state(.reviewed), by: Self.clerk, on: Self.day)
            .get()
        let back = try w.apply(.resubmit(), to: returned.after, by: .applicant, on: Self.day).get()
        #expect(back.to == .reviewed)
        // A wrong state is a conflict naming what the state allows.
        #expect(w.check(.approve, on: Self.state(.submitted), by: Self.clerk, on: Self.day)?.kind == .conflict)
    }

    @Test("a change names at least one field; each bad field is named")
    func change() throws {
        #expect(throws: FieldProblem.self) { try RegistrationChange.validated(.init(), today: Self.day) }
        let name = try RegistrationChange.validated(.init(name: " 新名称 "), today: Self.day)
        #expect(name.name == "新名称" && name.domicile == nil && name.representative == nil)
        do {
            _ = try RegistrationChange.validated(.init(registeredCapitalFen: -1), today: Self.day)
            Issue.record("a negative capital was accepted")
        } catch {
            #expect(error.field == "registeredCapitalFen")
        }
        do {
            _ = try RegistrationChange.validated(.init(legalRepresentativeName: "王芳"), today: Self.day)
            Issue.record("a representative without an ID number was accepted")
        } catch {
            #expect(error.field == "legalRepresentativeIdNumber")
        }
    }

    @Test("the certificate's title, number and validity")
    func certificate() {
        #expect(RegistrationCertificate.title(.foundation) == "基金会法人登记证书")
        #expect(RegistrationCertificate.number(year: 2026, sequence: 7) == "常民社证字第 2026-00007 号")
        #expect(RegistrationCertificate.number(year: 2026, sequence: 123_456) == "常民社证字第 2026-123456 号")
        #expect(
            RegistrationCertificate.validUntil(issuedOn: Self.day, years: 5) == CivilDate(year: 2031, month: 3, day: 9))
        #expect(
            RegistrationCertificate.validUntil(issuedOn: CivilDate(year: 2024, month: 3, day: 1)!, years: 1)
                == CivilDate(year: 2025, month: 2, day: 28))
    }
}
