import Mustache

/// A view the templates read by name. Besides its stored properties, a view
/// answers `hasX` for each list, optional or text `x`: true when it is not
/// empty, so templates can put a heading above a list only when it has items
/// (Mustache sees only stored properties, through reflection).
protocol TemplateView: MustacheParent {}

extension TemplateView {
    func child(named name: String) -> Any? {
        let mirror = Mirror(reflecting: self)
        if let child = mirror.children.first(where: { $0.label == name }) { return unwrapped(child.value) }
        guard name.hasPrefix("has"), name.count > 3 else { return nil }
        let stem = name.dropFirst(3)
        let property = stem.prefix(1).lowercased() + stem.dropFirst()
        guard let child = mirror.children.first(where: { $0.label == property }) else { return nil }
        guard let value = unwrapped(child.value) else { return false }
        if let list = value as? any Collection { return !list.isEmpty }
        return true
    }
}

/// An Optional's value, or nil; anything else as it is.
private func unwrapped(_ value: Any) -> Any? {
    let mirror = Mirror(reflecting: value)
    guard mirror.displayStyle == .optional else { return value }
    return mirror.children.first?.value
}
