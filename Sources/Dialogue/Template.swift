/// Fills `{{name}}` placeholders in flow text.
public enum Template {
    /// The text with every `{{name}}` replaced by its value (an unknown name becomes empty).
    public static func render(_ text: String, _ variables: [String: String]) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                out += rest[open.lowerBound...]
                return out
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            out += variables[name] ?? ""
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The names of the variables used in `text`, in order.
    public static func variables(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            names.append(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return names
    }
}

import Foundation
