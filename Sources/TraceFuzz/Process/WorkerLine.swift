import Foundation

/// One line a worker writes to its standard output: one JSON object with a `type`, then that type's
/// fields. Spans stream as they are exported; the rest follows once the worker's steps are done; `done`
/// comes last.
///
/// ```text
/// {"exportedBy":0,"identity":{"spanID":"…","traceID":"…"},"label":"work",…,"type":"span"}
/// {"type":"observed","label":"work","identity":{"traceID":"…","spanID":"…"}}
/// {"type":"ended","label":"work"}
/// {"type":"flush","index":0,"site":"h1.t0 process/fresh","instance":0,"endedBefore":["work"],…}
/// {"type":"done","spans":1}
/// ```
enum WorkerLine: Hashable, Sendable {
    /// A span the worker's tracer exported (or one a child of the worker delivered).
    case span(ExportedSpan)
    /// The identity a span had while it was current.
    case observed(Observed)
    /// A span that ended in the worker.
    case ended(Ended)
    /// A flush in the worker (its steps' flushes, then its final flush of each instance).
    case flush(FlushObservation)
    /// A context left on a worker thread.
    case leak(LeakObservation)
    /// Spans one instance dropped.
    case dropped(Dropped)
    /// A span that ended but was not exported when the worker exited without flushing.
    case unflushed(Unflushed)
    /// A loss a fault named for one of the worker's own children explains.
    case loss(ExpectedLoss)
    /// How one of the worker's own children ended.
    case child(ChildOutcome)
    /// How many tasks the worker's hops ran.
    case tasks(Count)
    /// The worker's hygiene report.
    case diagnostics(ChildOutcome.Diagnostics)
    /// The worker's tracer cannot run its steps (such as a `tracedPool` hop with no executor of its
    /// own): the run is unsupported, not a loss of the child's spans.
    case unsupported(Unsupported)
    /// The last line: how many span lines came before it.
    case done(Done)

    /// `observed` fields.
    struct Observed: Codable, Hashable, Sendable {
        var label: String
        var identity: SpanIdentity
    }

    /// `ended` fields.
    struct Ended: Codable, Hashable, Sendable {
        var label: String
    }

    /// `unflushed` fields.
    struct Unflushed: Codable, Hashable, Sendable {
        var label: String
        var instance: Int
    }

    /// `dropped` fields.
    struct Dropped: Codable, Hashable, Sendable {
        var instance: Int
        var count: Int
    }

    /// `tasks` fields.
    struct Count: Codable, Hashable, Sendable {
        var count: Int
    }

    /// `unsupported` fields.
    struct Unsupported: Codable, Hashable, Sendable {
        var reason: String
    }

    /// `done` fields.
    struct Done: Codable, Hashable, Sendable {
        var spans: Int
    }

    /// The line types, as written in `type`.
    enum Kind: String, Codable, CaseIterable {
        case span, observed, ended, flush, leak, dropped, unflushed, loss, child, tasks, diagnostics, unsupported, done
    }
}

extension WorkerLine: Codable {
    private enum TypeKey: String, CodingKey { case type }

    /// Decodes a line: its `type`, then that type's fields from the same object.
    init(from decoder: any Decoder) throws {
        let kind = try decoder.container(keyedBy: TypeKey.self).decode(Kind.self, forKey: .type)
        switch kind {
        case .span: self = .span(try ExportedSpan(from: decoder))
        case .observed: self = .observed(try Observed(from: decoder))
        case .ended: self = .ended(try Ended(from: decoder))
        case .flush: self = .flush(try FlushObservation(from: decoder))
        case .leak: self = .leak(try LeakObservation(from: decoder))
        case .dropped: self = .dropped(try Dropped(from: decoder))
        case .unflushed: self = .unflushed(try Unflushed(from: decoder))
        case .loss: self = .loss(try ExpectedLoss(from: decoder))
        case .child: self = .child(try ChildOutcome(from: decoder))
        case .tasks: self = .tasks(try Count(from: decoder))
        case .diagnostics: self = .diagnostics(try ChildOutcome.Diagnostics(from: decoder))
        case .unsupported: self = .unsupported(try Unsupported(from: decoder))
        case .done: self = .done(try Done(from: decoder))
        }
    }

    /// Encodes a line as one flat object: `type` and the fields.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(kind, forKey: .type)
        switch self {
        case .span(let value): try value.encode(to: encoder)
        case .observed(let value): try value.encode(to: encoder)
        case .ended(let value): try value.encode(to: encoder)
        case .unflushed(let value): try value.encode(to: encoder)
        case .flush(let value): try value.encode(to: encoder)
        case .leak(let value): try value.encode(to: encoder)
        case .dropped(let value): try value.encode(to: encoder)
        case .loss(let value): try value.encode(to: encoder)
        case .child(let value): try value.encode(to: encoder)
        case .tasks(let value): try value.encode(to: encoder)
        case .diagnostics(let value): try value.encode(to: encoder)
        case .unsupported(let value): try value.encode(to: encoder)
        case .done(let value): try value.encode(to: encoder)
        }
    }

    /// The line's type.
    var kind: Kind {
        switch self {
        case .span: .span
        case .observed: .observed
        case .ended: .ended
        case .flush: .flush
        case .leak: .leak
        case .dropped: .dropped
        case .unflushed: .unflushed
        case .loss: .loss
        case .child: .child
        case .tasks: .tasks
        case .diagnostics: .diagnostics
        case .unsupported: .unsupported
        case .done: .done
        }
    }

    /// The line as bytes, with its newline.
    func encoded(with encoder: JSONEncoder) -> [UInt8] {
        // Encoding these plain values cannot fail.
        var bytes = [UInt8]((try? encoder.encode(self)) ?? Data())
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}
