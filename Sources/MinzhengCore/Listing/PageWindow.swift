/// Which page of a list to show. A page past the end shows the last one (a bookmark or a
/// typed page number that the list outgrew), never "第 101 / 100 页" with nothing on it.
public enum PageWindow {
    /// The number of pages; an empty list has one (empty) page.
    public static func pageCount(total: Int, perPage: Int) -> Int {
        max(1, (total + perPage - 1) / perPage)
    }

    public static func clamp(_ page: Int, total: Int, perPage: Int) -> Int {
        min(max(1, page), pageCount(total: total, perPage: perPage))
    }
}
