extension Duration {
    /// The duration in seconds, as the benchmarks report it.
    public var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }

    /// `inSeconds` to the hundredth, for the benchmarks' JSON.
    public var roundedSeconds: Double { (inSeconds * 100).rounded() / 100 }
}
