import TraceCore
import TraceFuzz

/// An adapter that is ``MutantCore`` but for the few requirements it implements itself: every other
/// requirement forwards to `core` (TraceFuzz's ``ForwardingTracerAdapter``), so a mutant's file holds
/// only its defect.
protocol CoreForwarding: ForwardingTracerAdapter where Base == MutantCore {
    /// The correct TraceCore wiring the mutant changes.
    var core: MutantCore { get }
}

extension CoreForwarding {
    /// The wrapped adapter: `core`.
    var base: MutantCore { core }
}

/// A ``CoreForwarding`` adapter whose captured context is TraceCore's own value.
protocol ValueCaptureForwarding: CoreForwarding where CapturedContext == SpanContext? {}
