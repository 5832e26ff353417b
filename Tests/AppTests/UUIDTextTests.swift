@testable import App
import Foundation
import Testing

@Suite("UUID text parsing without sscanf")
struct UUIDTextTests {
    @Test("agrees with Foundation on ids in either case")
    func agrees() {
        for _ in 0..<1000 {
            let id = UUID.random()
            #expect(UUID(text: id.uuidString) == id)
            #expect(UUID(text: id.uuidString.lowercased()) == id)
            #expect(id.text == id.uuidString)
        }
        #expect(
            UUID(text: "00000000-0000-0000-0000-000000000000")
                == UUID(uuidString: "00000000-0000-0000-0000-000000000000"))
        #expect(
            UUID(text: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")
                == UUID(uuidString: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"))
    }

    @Test(
        "refuses what Foundation refuses",
        arguments: [
            "", "not-a-uuid", "0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5", "0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B6",
            "0190A1B2C3D4-7E5F-8A9B-0C1D2E3F4A5B-", "0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5G",
            "0190A1B2_C3D4_7E5F_8A9B_0C1D2E3F4A5B",
            "0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5\u{00E9}",
        ])
    func refuses(text: String) {
        #expect(UUID(text: text) == nil)
        #expect(UUID(uuidString: text) == nil)
    }
}
