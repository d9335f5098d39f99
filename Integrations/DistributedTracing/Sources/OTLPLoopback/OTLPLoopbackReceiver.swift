import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A small OTLP/HTTP receiver for traces on 127.0.0.1, on a port the system picks.
///
/// It accepts `POST` requests of OTLP/JSON `ExportTraceServiceRequest`s (`Content-Type:
/// application/json`), files each request's spans in the ``OTLPSpanSink`` its path names, and answers
/// `200` with an empty `ExportTraceServiceResponse` *after* filing them, so an exporter that saw the
/// response knows the spans are in the sink. Requests to a path with no sink (an exporter still running
/// after its sink was removed) are answered `200` and dropped; undecodable ones get `400`.
///
/// ```swift
/// let receiver = try await OTLPLoopbackReceiver.start()
/// let sink = receiver.makeSink()
/// var configuration = OTel.Configuration.default
/// configuration.traces.otlpExporter.endpoint = sink.endpoint
/// configuration.traces.otlpExporter.protocol = .httpJSON
/// ```
public final class OTLPLoopbackReceiver: Sendable {
    /// The port it listens on, on 127.0.0.1.
    public let port: Int
    private let channel: any Channel
    private let router: Router

    private init(channel: any Channel, router: Router) {
        self.channel = channel
        self.router = router
        self.port = channel.localAddress?.port ?? 0
    }

    /// Starts a receiver on `127.0.0.1`, an ephemeral port, NIO's shared event loops.
    public static func start() async throws -> OTLPLoopbackReceiver {
        let router = Router()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(RequestHandler(router: router))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return OTLPLoopbackReceiver(channel: channel, router: router)
    }

    /// A new sink with an endpoint of its own (`/v1/traces/N`, N counting up).
    public func makeSink() -> OTLPSpanSink {
        router.makeSink(port: port)
    }

    /// Stops routing to `sink`: later requests to its endpoint are answered and dropped.
    public func remove(_ sink: OTLPSpanSink) {
        router.remove(sink)
    }

    /// Closes the listening socket.
    public func close() async {
        try? await channel.close()
    }
}

/// Sinks by path, behind one lock.
final class Router: Sendable {
    private struct State {
        var sinks: [String: OTLPSpanSink] = [:]
        var next = 0
    }
    private let state = Mutex(State())

    func makeSink(port: Int) -> OTLPSpanSink {
        state.withLock { state in
            state.next += 1
            let path = "/v1/traces/\(state.next)"
            let sink = OTLPSpanSink(endpoint: "http://127.0.0.1:\(port)\(path)", path: path)
            state.sinks[path] = sink
            return sink
        }
    }

    func remove(_ sink: OTLPSpanSink) {
        _ = state.withLock { $0.sinks.removeValue(forKey: sink.path) }
    }

    func sink(for path: String) -> OTLPSpanSink? {
        state.withLock { $0.sinks[path] }
    }
}

/// One connection's requests: collect the body, decode, file, answer.
final class RequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let router: Router
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()

    init(router: Router) { self.router = router }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.clear()
        case .body(var part):
            body.writeBuffer(&part)
        case .end:
            guard let head else { return }
            self.head = nil
            respond(context: context, head: head)
        }
    }

    private func respond(context: ChannelHandlerContext, head: HTTPRequestHead) {
        let path = String(head.uri.prefix { $0 != "?" })
        let sink = router.sink(for: path)
        var status = HTTPResponseStatus.ok
        var answer = "{}"
        if head.method != .POST {
            status = .methodNotAllowed
            answer = #"{"message":"POST only"}"#
        } else if let sink {
            do {
                let decoded = try OTLPJSONTraceRequest.decode(Data(body.readableBytesView))
                sink.record(decoded.spans, encoding: decoded.encoding)
            } catch {
                sink.reject("\(error)")
                status = .badRequest
                answer = #"{"message":"not an OTLP/JSON trace request"}"#
            }
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: "\(answer.utf8.count)")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: answer)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
