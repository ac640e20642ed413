import Foundation

/// Mood ratings summed up: the trend, and the average before and after each exercise.
public struct MoodSummary: Sendable {
    /// The average rating before and after one exercise.
    public struct Exercise: Sendable, Equatable {
        public var flow: String
        public var before: Double
        public var after: Double
        /// How many times both were given.
        public var count: Int
    }

    public var ratings: [MoodRating]

    public init(_ ratings: [MoodRating]) { self.ratings = ratings }

    /// For each exercise with ratings before and after, the two averages, by exercise name.
    ///
    /// A `before` counts with the next `after` of the same exercise; one without its pair is left out.
    public var exercises: [Exercise] {
        var pending: [String: Int] = [:]
        var pairs: [String: [(Int, Int)]] = [:]
        for rating in ratings {
            switch rating.phase {
            case "before": pending[rating.flow] = rating.rating
            case "after":
                if let before = pending.removeValue(forKey: rating.flow) { pairs[rating.flow, default: []].append((before, rating.rating)) }
            default: break
            }
        }
        return pairs.keys.sorted().map { flow in
            let list = pairs[flow]!
            return Exercise(flow: flow, before: Double(list.map(\.0).reduce(0, +)) / Double(list.count),
                            after: Double(list.map(\.1).reduce(0, +)) / Double(list.count), count: list.count)
        }
    }

    /// One line for each exercise of ``exercises``, in the person's words from `Scripts/store.yaml`:
    /// its name, the averages before and after, and how many times.
    public var helpedLines: [String] {
        exercises.map { exercise in
            StoreText.text("mood_helped_row", [
                "exercise": exercise.flow, "before": String(format: "%.1f", exercise.before),
                "after": String(format: "%.1f", exercise.after),
                "times": exercise.count == 1 ? StoreText.text("mood_once") : StoreText.text("mood_times", ["count": String(exercise.count)]),
            ])
        }
    }

    /// When a rating was given, as `2026-12-03 21:40`.
    public static func when(_ rating: MoodRating) -> String {
        StoreRecall.day(rating.date) + " " + String(rating.date.dropFirst(11).prefix(5))
    }

    /// One character a rating, from ▁ (0) to █ (10); `plain` gives digits (10 as X) instead.
    public func sparkline(plain: Bool) -> String {
        let blocks = Array("▁▁▂▃▃▄▅▅▆▇█")
        return String(ratings.map { plain ? ($0.rating == 10 ? "X" : Character(String($0.rating))) : blocks[$0.rating] })
    }

    /// A bar as long as the rating, out of ten: `█████░░░░░`, or `#####.....` when plain.
    public static func bar(_ rating: Int, plain: Bool) -> String {
        String(repeating: plain ? "#" : "█", count: rating) + String(repeating: plain ? "." : "░", count: 10 - rating)
    }
}
