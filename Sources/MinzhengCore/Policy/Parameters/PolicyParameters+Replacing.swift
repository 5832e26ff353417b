extension PolicyParameters {
    /// These parameters with one stored value replaced, checked exactly as stored rows
    /// are (range, consistent age bounds): what-if analysis must not assess with a set of
    /// numbers the admin screens would refuse.
    public func replacing(_ key: PolicyParameterKey, with value: Int64) throws(PolicyParameterError) -> PolicyParameters
    {
        var values = self.values
        values[key] = value
        return try PolicyParameters(values: values)
    }
}
