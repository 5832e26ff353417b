extension Array {
    /// Consecutive slices of at most `size` elements: how the stores keep `IN (…)` lists
    /// within the databases' bind limits.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min(count, $0 + size)]) }
    }
}
