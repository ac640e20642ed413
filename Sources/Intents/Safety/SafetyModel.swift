import Foundation

/// The safety screen's learned net: two logistic regressions over hashed n-grams.
///
/// `risk` tells crisis-level messages from calm ones; `urgency` tells emergencies from other crisis
/// messages. The screen uses it only to raise a tier, never to lower what its rules found. The
/// weights are trained offline by `tools/safety-model/train.py` from our labelled rows and ship
/// as `Scripts/safety/model.txt`; its features must match `tools/safety-model/features.py` exactly.
public struct SafetyModel: Sendable {
    /// What the net says about one line.
    public struct Score: Sendable {
        /// Log-odds that the line is a crisis or an emergency.
        public var risk: Double
        /// Log-odds that a crisis line is an emergency.
        public var urgency: Double
        /// The n-grams of the highest-scoring window that weighed most for risk, largest first.
        public var weighed: [(gram: String, weight: Double)]
        /// How many words the whole line has, as the net reads them.
        public var words: Int = 0
    }

    /// One head: a bias, and a signed-byte weight per bucket times one scale.
    struct Head: Sendable {
        var bias: Double
        var scale: Double
        var weights: [Int8]
    }

    public let buckets: Int
    /// Scores at or above these raise a line to concern, to crisis, and (for urgency) a crisis to an emergency.
    public let concernThreshold: Double
    public let crisisThreshold: Double
    public let emergencyThreshold: Double
    /// The second opinion, where the rules held evidence down a step (a wish to die said with a joke,
    /// means at hand with no words of intent): a risk at or above this makes it a crisis.
    public let secondOpinionThreshold: Double
    /// A line whose urgency reaches the emergency level needs only this risk to count: a miss there costs most.
    public let urgentRiskThreshold: Double
    let risk: Head
    let urgency: Head

    /// Reads a model file's text; `path` names it in errors.
    public init(text: String, path: String = "model.txt") throws(SafetyModelError) {
        var fields: [String: (line: Int, values: [Substring])] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ")
            fields[String(parts[0])] = (number + 1, Array(parts.dropFirst()))
        }
        func value(_ key: String) throws(SafetyModelError) -> (line: Int, values: [Substring]) {
            guard let field = fields[key] else {
                throw SafetyModelError(path: path, line: 1, message: "the model has no '\(key)' line",
                                       hint: "make the file again with tools/safety-model/train.py")
            }
            return field
        }
        func number(_ key: String) throws(SafetyModelError) -> Double {
            let field = try value(key)
            guard field.values.count == 1, let number = Double(field.values[0]), number.isFinite else {
                throw SafetyModelError(path: path, line: field.line, message: "'\(key)' needs one number",
                                       hint: "make the file again with tools/safety-model/train.py")
            }
            return number
        }
        guard try number("format") == 1 else {
            throw SafetyModelError(path: path, line: try value("format").line, message: "unknown model format",
                                   hint: "this program reads format 1")
        }
        let buckets = try number("buckets")
        guard buckets >= 1, buckets <= 16_777_216, buckets == buckets.rounded() else {
            throw SafetyModelError(path: path, line: try value("buckets").line, message: "'buckets' must be a whole number from 1 to 16777216",
                                   hint: "make the file again with tools/safety-model/train.py")
        }
        self.buckets = Int(buckets)
        concernThreshold = try number("concern")
        crisisThreshold = try number("crisis")
        emergencyThreshold = try number("emergency")
        func head(_ key: String) throws(SafetyModelError) -> Head {
            let field = try value(key)
            guard field.values.count == 3, let bias = Double(field.values[0]), let scale = Double(field.values[1]),
                  bias.isFinite, scale.isFinite, let bytes = Data(base64Encoded: String(field.values[2])), bytes.count == Int(buckets)
            else {
                throw SafetyModelError(path: path, line: field.line,
                                       message: "'\(key)' needs a bias, a scale and \(Int(buckets)) weights in base64",
                                       hint: "make the file again with tools/safety-model/train.py")
            }
            return Head(bias: bias, scale: scale, weights: bytes.map { Int8(bitPattern: $0) })
        }
        risk = try head("risk")
        urgency = try head("urgency")
        secondOpinionThreshold = try number("second-opinion")
        urgentRiskThreshold = try number("urgent")
    }

    init(buckets: Int, concern: Double, crisis: Double, emergency: Double, secondOpinion: Double, urgent: Double,
         risk: Head, urgency: Head)
    {
        self.buckets = buckets
        concernThreshold = concern
        crisisThreshold = crisis
        emergencyThreshold = emergency
        secondOpinionThreshold = secondOpinion
        urgentRiskThreshold = urgent
        self.risk = risk
        self.urgency = urgency
    }

    /// Scores `text`: the highest of the whole line and of each sentence, when there are several.
    public func score(_ text: String, explain: Bool = false) -> Score {
        let whole = Self.fold(Substring(text))
        var best = Score(risk: risk.bias, urgency: urgency.bias, weighed: [], words: whole.count)
        var bestWindow: [[UInt8]]? = nil
        for (n, window) in Self.windows(text, whole: whole).enumerated() {
            let (riskScore, urgencyScore) = scores(window)
            if n == 0 || riskScore > best.risk {
                best.risk = riskScore
                bestWindow = window
            }
            best.urgency = n == 0 ? urgencyScore : max(best.urgency, urgencyScore)
        }
        if explain, let window = bestWindow {
            let features = Self.features(window, buckets: buckets)
            let norm = features.reduce(0) { $0 + $1.count * $1.count }.squareRoot()
            let counts = Dictionary(uniqueKeysWithValues: features.map { ($0.bucket, $0.count / norm) })
            var grams: [(String, Double)] = []
            for gram in Self.grams(window) {
                let bucket = Int(Self.fnv1a(Array(gram.utf8)) % UInt32(buckets))
                grams.append((gram, Double(risk.weights[bucket]) * risk.scale * (counts[bucket] ?? 0)))
            }
            best.weighed = Array(grams.sorted { abs($0.1) > abs($1.1) }.prefix(6))
        }
        return best
    }

    /// The two heads' scores for one window.
    private func scores(_ window: [[UInt8]]) -> (risk: Double, urgency: Double) {
        let features = Self.features(window, buckets: buckets)
        var norm = 0.0, riskSum = 0, urgencySum = 0
        for (bucket, count) in features {
            norm += count * count
            riskSum += Int(risk.weights[bucket]) * Int(count)
            urgencySum += Int(urgency.weights[bucket]) * Int(count)
        }
        guard norm > 0 else { return (risk.bias, urgency.bias) }
        let length = norm.squareRoot()
        return (risk.bias + Double(riskSum) * risk.scale / length, urgency.bias + Double(urgencySum) * urgency.scale / length)
    }

    // MARK: - Features (keep in step with tools/safety-model/features.py)

    /// The folded words of `text`: format characters dropped, accents removed, lower case,
    /// apostrophes dropped, anything but a-z and 0-9 a space, and a run of two or more
    /// one-letter words read as one word ("s u i c i d e", "i.e.").
    static func fold(_ text: Substring) -> [[UInt8]] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(text.utf8) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar.properties.generalCategory != .format { scalars.append(scalar) }
        let decomposed = String(scalars).decomposedStringWithCompatibilityMapping
        var words: [[UInt8]] = []
        var word: [UInt8] = []
        for scalar in decomposed.unicodeScalars where scalar.properties.canonicalCombiningClass == .notReordered {
            var value = scalar.value
            if value < 0x80 {
                if value >= 0x41 && value <= 0x5A { value += 32 }
            } else {
                // Lower case outside ASCII can only matter when it leads back into a-z.
                let lowered = String(scalar).lowercased().unicodeScalars
                if lowered.count == 1, let only = lowered.first, only.value < 0x80 { value = only.value }
            }
            if value == 0x27 || value == 0x2019 { continue }
            if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) {
                word.append(UInt8(value))
            } else if !word.isEmpty {
                words.append(word)
                word = []
            }
        }
        if !word.isEmpty { words.append(word) }
        return joinSpelled(words)
    }

    /// `fold` for text that is all ASCII: the same words, without decomposing anything.
    private static func foldASCII(_ bytes: Substring.UTF8View) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var word: [UInt8] = []
        for var byte in bytes {
            if byte >= 0x41 && byte <= 0x5A { byte += 32 }
            if byte == 0x27 { continue }
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                word.append(byte)
            } else if !word.isEmpty {
                words.append(word)
                word = []
            }
        }
        if !word.isEmpty { words.append(word) }
        return joinSpelled(words)
    }

    /// Runs of two or more one-letter words joined into one word.
    static func joinSpelled(_ words: [[UInt8]]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var run: [[UInt8]] = []
        func flush() {
            if run.count > 1 { out.append(run.flatMap { $0 }) } else { out += run }
            run = []
        }
        for word in words {
            if word.count == 1 { run.append(word); continue }
            flush()
            out.append(word)
        }
        flush()
        return out
    }

    /// A sentence shorter than this is not scored on its own ("i.e.", "Thanks."): too few
    /// features to weigh.
    static let fewestWordsInSentence = 3

    /// The characters that end a sentence: `.`, `!`, `?`, `;` and a new line (as features.py splits).
    static let sentenceEnds: Set<UInt8> = Set(".!?;\n".utf8)

    /// The whole line (`whole`, already folded), and each sentence of it when there are several.
    static func windows(_ text: String, whole: [[UInt8]]) -> [[[UInt8]]] {
        var out: [[[UInt8]]] = whole.isEmpty ? [] : [whole]
        guard text.utf8.contains(where: sentenceEnds.contains) else { return out }
        let parts = text.split(whereSeparator: { $0.isASCII && sentenceEnds.contains($0.asciiValue!) }).map(fold).filter { $0.count >= fewestWordsInSentence }
        if parts.count > 1 { out += parts }
        return out
    }

    /// The feature strings of one window, each once, in a stable order.
    static func grams(_ words: [[UInt8]]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        func add(_ gram: String) { if seen.insert(gram).inserted { out.append(gram) } }
        let text = words.map { String(decoding: $0, as: UTF8.self) }
        for word in text { add("w " + word) }
        for (a, b) in zip(text, text.dropFirst()) { add("b " + a + " " + b) }
        for word in words {
            let padded = [UInt8(ascii: " ")] + word + [UInt8(ascii: " ")]
            for n in 3...5 where padded.count >= n {
                for start in 0...(padded.count - n) { add("c" + String(decoding: padded[start..<start + n], as: UTF8.self)) }
            }
        }
        return out
    }

    /// Each feature of one window once, bucketed: the buckets in order, with how many features
    /// fell in each. Scaled to length 1, this is the window's vector.
    static func features(_ words: [[UInt8]], buckets: Int) -> [(bucket: Int, count: Double)] {
        let space = UInt8(ascii: " ")
        let wordSeed = fnv(basis, [UInt8(ascii: "w"), space]), pairSeed = fnv(basis, [UInt8(ascii: "b"), space])
        let lettersSeed = fnv(basis, [UInt8(ascii: "c")])
        var hashes: [UInt32] = []
        hashes.reserveCapacity(words.count * 14)
        for word in words { hashes.append(fnv(wordSeed, word)) }
        for (a, b) in zip(words, words.dropFirst()) { hashes.append(fnv(fnv(fnv(pairSeed, a), CollectionOfOne(space)), b)) }
        for word in words {
            // The 3- to 5-letter pieces of the word padded with a space on both sides.
            let padded = word.count + 2
            for n in 3...5 where padded >= n {
                for start in 0...(padded - n) {
                    var hash = lettersSeed
                    for k in start..<(start + n) {
                        let byte = k == 0 || k == padded - 1 ? space : word[k - 1]
                        hash = (hash ^ UInt32(byte)) &* prime
                    }
                    hashes.append(hash)
                }
            }
        }
        hashes.sort()
        var bucketed: [Int] = []
        bucketed.reserveCapacity(hashes.count)
        var previous: UInt32? = nil
        for hash in hashes where hash != previous {
            bucketed.append(Int(hash % UInt32(buckets)))
            previous = hash
        }
        bucketed.sort()
        var out: [(bucket: Int, count: Double)] = []
        for bucket in bucketed {
            if let last = out.last, last.bucket == bucket { out[out.count - 1].count += 1 } else { out.append((bucket, 1)) }
        }
        return out
    }

    private static let basis: UInt32 = 0x811C_9DC5
    private static let prime: UInt32 = 0x0100_0193

    /// FNV-1a carried on from `hash` over `bytes`.
    private static func fnv<C: Sequence<UInt8>>(_ hash: UInt32, _ bytes: C) -> UInt32 {
        var hash = hash
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* prime }
        return hash
    }

    /// FNV-1a, 32 bits, over the parts one after another.
    static func fnv1a<C: Collection<UInt8>>(_ parts: C...) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for part in parts {
            for byte in part { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        }
        return hash
    }
}

/// A model file that can't be read, with where and how to fix it.
public struct SafetyModelError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String
    public var hint: String

    public var description: String { "\(path):\(line):1: error: \(message) (hint: \(hint))" }
}

extension SafetyModel: Archivable {
    public func archive(into archive: inout ArchiveWriter) {
        archive.write(buckets)
        archive.write(concernThreshold)
        archive.write(crisisThreshold)
        archive.write(emergencyThreshold)
        archive.write(secondOpinionThreshold)
        archive.write(urgentRiskThreshold)
        for head in [risk, urgency] {
            archive.write(head.bias)
            archive.write(head.scale)
            archive.write(plain: head.weights)
        }
    }

    public init(from archive: inout ArchiveReader) throws(ArchiveError) {
        let buckets: Int = try archive.read()
        let concern: Double = try archive.read(), crisis: Double = try archive.read(), emergency: Double = try archive.read()
        let secondOpinion: Double = try archive.read(), urgent: Double = try archive.read()
        func head() throws(ArchiveError) -> Head {
            let bias: Double = try archive.read(), scale: Double = try archive.read()
            let weights: [Int8] = try archive.readPlainArray()
            guard weights.count == buckets else { throw ArchiveError("the safety model's weights disagree with its size") }
            return Head(bias: bias, scale: scale, weights: weights)
        }
        guard buckets >= 1 else { throw ArchiveError("the safety model has no buckets") }
        self.init(buckets: buckets, concern: concern, crisis: crisis, emergency: emergency, secondOpinion: secondOpinion,
                  urgent: urgent, risk: try head(), urgency: try head())
    }
}

extension SafetyModel {
    /// The compiled-in model: `Scripts/safety/model.txt` as it was at build time.
    public static let builtIn: SafetyModel? = try? SafetyModel(text: Embedded.safetyModel, path: "Scripts/safety/model.txt")

    /// Reads a model file from disk.
    public static func load(path: String) throws(SafetyModelError) -> SafetyModel {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw SafetyModelError(path: path, line: 1, message: "can't read the model file as UTF-8 text",
                                   hint: "check its permissions, or make it again with tools/safety-model/train.py")
        }
        // The shipped file, unchanged, is the compiled-in model: nothing to parse again.
        if text == Embedded.safetyModel, let builtIn { return builtIn }
        return try SafetyModel(text: text, path: path)
    }
}
