extension DataValue {
    /// The value as JSON text, deterministically: object keys in their order, two-space
    /// indentation when `pretty`, integral doubles without a fraction. Non-finite doubles,
    /// which JSON cannot hold, are written as `null`. Written by ``JSONValue``, the project's
    /// one JSON writer, so numbers and escapes are those of the canonical JSON.
    public func jsonText(pretty: Bool = true) -> String {
        PreparationJSON.value(of: self).rendered(pretty: pretty)
    }
}
