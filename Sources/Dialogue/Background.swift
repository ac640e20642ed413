import Foundation

/// Work started on another thread; `value` waits for it.
///
/// The thread is a plain POSIX thread: starting Foundation's first `Thread` costs about half a
/// millisecond, a noticeable part of start-up.
public final class Background<Value>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchSemaphore(value: 0)

    private init(value: Value) {
        result = value
        done.signal()
    }

    /// A value that is already there.
    public static func ready(_ value: Value) -> Background { Background(value: value) }

    public init(_ work: @escaping @Sendable () -> Value) {
        startThread { [self] in
            result = work()
            done.signal()
        }
    }

    public var value: Value {
        done.wait()
        done.signal()
        return result!
    }
}

/// Runs `run` on a new detached thread, or here if no thread can be had.
private func startThread(_ run: @escaping @Sendable () -> Void) {
    let job = Unmanaged.passRetained(ThreadJob(run)).toOpaque()
    #if canImport(Darwin)
    var thread: pthread_t?
    let started = pthread_create(&thread, nil, runThreadJob, job)
    if started == 0, let thread { pthread_detach(thread) }
    #else
    var thread = pthread_t()
    let started = pthread_create(&thread, nil, runThreadJob, job)
    if started == 0 { pthread_detach(thread) }
    #endif
    if started != 0 { _ = runThreadJob(job) }
}

/// The work, boxed to cross into the new thread.
private final class ThreadJob: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}

#if canImport(Darwin)
private func runThreadJob(_ job: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
    Unmanaged<ThreadJob>.fromOpaque(job).takeRetainedValue().run()
    return nil
}
#else
private func runThreadJob(_ job: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    Unmanaged<ThreadJob>.fromOpaque(job!).takeRetainedValue().run()
    return nil
}
#endif
