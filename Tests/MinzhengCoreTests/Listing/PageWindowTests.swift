import Testing
import MinzhengCore

@Suite("PageWindow: a page past the end is the last page")
struct PageWindowTests {
    @Test(
        "clamp",
        arguments: [
            // (page, total, perPage) → page
            (1, 0, 20, 1), (5, 0, 20, 1), (0, 100, 20, 1), (-3, 100, 20, 1),
            (3, 100, 20, 3), (5, 100, 20, 5), (6, 100, 20, 5), (101, 2000, 20, 100), (1_000_000, 2001, 20, 101),
        ])
    func clamp(page: Int, total: Int, perPage: Int, expected: Int) {
        #expect(PageWindow.clamp(page, total: total, perPage: perPage) == expected)
    }

    @Test("page count", arguments: [(0, 20, 1), (1, 20, 1), (20, 20, 1), (21, 20, 2), (2000, 20, 100)])
    func pageCount(total: Int, perPage: Int, expected: Int) {
        #expect(PageWindow.pageCount(total: total, perPage: perPage) == expected)
    }
}
