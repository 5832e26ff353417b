import MinzhengCore
import Testing

private func at(_ role: Role, _ region: String) -> Assignment { Assignment(role, RegionCode(region)!) }

@Suite("User administration rules")
struct UserAdministrationTests {
    @Test(
        "who may create which account where",
        arguments: [
            // admin role, admin region, new role, new region, refusal (nil: allowed)
            (Role.cityAdmin, "3204", Role.streetOfficer, "320402001", nil),
            (.cityAdmin, "3204", .cityAdmin, "3204", nil),
            (.cityAdmin, "3204", .auditor, "320402", nil),
            (.cityAdmin, "3204", .communityWorker, "320402001001", nil),
            (
                .cityAdmin, "3204", .streetOfficer, "320102001",
                UserAdminRefusal.outsideRegion(RegionCode("320102001")!, admin: RegionCode("3204")!)
            ),
            (.districtOfficer, "320402", .streetOfficer, "320402001", nil),
            (.districtOfficer, "320402", .districtOfficer, "320402", nil),
            // A department account acts for its department (feeds mark deaths, tasks sent to communities): the
            // city's to make (issue 12) — a district officer lacks what it holds (sending tasks to communities).
            (.districtOfficer, "320402", .department, "320402", .morePowerful(.department)),
            (.cityAdmin, "3204", .department, "320402", nil),
            (
                .districtOfficer, "320402", .streetOfficer, "320411002",
                .outsideRegion(RegionCode("320411002")!, admin: RegionCode("320402")!)
            ),
            (
                .districtOfficer, "320402", .districtOfficer, "320411",
                .outsideRegion(RegionCode("320411")!, admin: RegionCode("320402")!)
            ),
            (
                .districtOfficer, "320402", .cityAdmin, "3204",
                .outsideRegion(RegionCode("3204")!, admin: RegionCode("320402")!)
            ),
            (.districtOfficer, "320402", .auditor, "320402", .morePowerful(.auditor)),
            (.districtOfficer, "320402", .streetOfficer, "320402", .wrongLevel(.streetOfficer, .district)),
            (.districtOfficer, "320402", .cityAdmin, "320402", .wrongLevel(.cityAdmin, .district)),
            (.streetOfficer, "320402001", .communityWorker, "320402001001", .notPermitted(.streetOfficer)),
            (.communityWorker, "320402001", .communityWorker, "320402001", .notPermitted(.communityWorker)),
            (.auditor, "3204", .auditor, "3204", .notPermitted(.auditor)),
            (.department, "3204", .department, "3204", .notPermitted(.department)),
        ] as [(Role, String, Role, String, UserAdminRefusal?)])
    func create(adminRole: Role, adminRegion: String, role: Role, region: String, refusal: UserAdminRefusal?) {
        #expect(
            UserAdministration.checkCreate(by: at(adminRole, adminRegion), role: role, region: RegionCode(region)!)
                == refusal)
    }

    @Test(
        "who may change which account",
        arguments: [
            // admin, target, self?, action, refusal
            (at(.cityAdmin, "3204"), at(.streetOfficer, "320402001"), false, UserAdminAction.disable, nil),
            (at(.cityAdmin, "3204"), at(.cityAdmin, "3204"), false, .resetPassword, nil),
            (at(.cityAdmin, "3204"), at(.cityAdmin, "3204"), true, .disable, UserAdminRefusal.ownAccount),
            (at(.cityAdmin, "3204"), at(.cityAdmin, "3204"), true, .revokeTokens, nil),
            (at(.districtOfficer, "320402"), at(.communityWorker, "320402001001"), false, .enable, nil),
            (at(.districtOfficer, "320402"), at(.districtOfficer, "320402"), true, .disable, .ownAccount),
            (
                at(.districtOfficer, "320402"), at(.streetOfficer, "320411002"), false, .disable,
                .outsideRegion(RegionCode("320411002")!, admin: RegionCode("320402")!)
            ),
            (
                at(.districtOfficer, "320402"), at(.cityAdmin, "3204"), false, .resetPassword,
                .outsideRegion(RegionCode("3204")!, admin: RegionCode("320402")!)
            ),
            // An auditor the city placed in the district: visible, but not the district's to take over.
            (at(.districtOfficer, "320402"), at(.auditor, "320402"), false, .resetPassword, .morePowerful(.auditor)),
            (
                at(.streetOfficer, "320402001"), at(.communityWorker, "320402001001"), false, .disable,
                .notPermitted(.streetOfficer)
            ),
            (
                at(.districtOfficer, "320402"), at(.department, "320402"), false, .resetPassword,
                .morePowerful(.department)
            ),
            (at(.districtOfficer, "320402"), at(.department, "320402"), false, .enable, .morePowerful(.department)),
            (at(.cityAdmin, "3204"), at(.department, "320402"), false, .resetPassword, nil),
        ] as [(Assignment, Assignment, Bool, UserAdminAction, UserAdminRefusal?)])
    func manage(
        admin: Assignment, target: Assignment, isSelf: Bool, action: UserAdminAction, refusal: UserAdminRefusal?
    ) {
        #expect(UserAdministration.checkManage(by: admin, target: target, isSelf: isSelf, action: action) == refusal)
    }

    @Test(
        "the roles a form offers are exactly those the creator may create somewhere",
        arguments: [
            // Residents register themselves, the registry clerk opens an organisation's account, the
            // command line makes the child-protection office's: no administrator holds their
            // self-service, filing or child-protection permission.
            (
                at(.cityAdmin, "3204"),
                Role.allCases.filter {
                    ![.resident, .organisation, .childWelfare, .stationStaff, .healthLiaison].contains($0)
                }
            ),
            (at(.districtOfficer, "320402"), [Role.districtOfficer, .streetOfficer, .communityWorker]),
            (at(.streetOfficer, "320402001"), []),
            (at(.auditor, "3204"), []),
        ])
    func creatable(admin: Assignment, roles: [Role]) {
        #expect(UserAdministration.creatableRoles(by: admin) == roles)
    }

    @Test(
        "a cityAdmin covers every staff role but the child-protection office; nobody but a cityAdmin covers a cityAdmin; nobody covers a resident or an organisation"
    )
    func covers() {
        for role in Role.allCases {
            #expect(
                at(.cityAdmin, "3204").covers(role) == ![
                    .resident, .organisation, .childWelfare, .stationStaff, .healthLiaison,
                ].contains(role))
            #expect(at(role, "3204").covers(.cityAdmin) == (role == .cityAdmin))
        }
    }
}
