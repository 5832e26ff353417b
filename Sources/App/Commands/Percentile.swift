extension Array where Element == Double {
    /// The value at `fraction` of the sorted values (0.5 the median, 0.95 the 95th percentile,
    /// 1 the largest), to three decimals: what the benchmarks print of their timings.
    func percentile(_ fraction: Double) -> Double {
        let sorted = self.sorted()
        return (sorted[Swift.min(sorted.count - 1, Int(Double(sorted.count) * fraction))] * 1000).rounded() / 1000
    }
}
