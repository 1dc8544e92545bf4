"""moto_server with every request serialized.

moto's own server (``moto_server``) handles requests on many threads at once,
and moto's backends are not thread safe: two racing conditional writes
(``attribute_not_exists``) can both succeed, which real DynamoDB never allows.
This wrapper serves the same moto application but lets only one request at a
time into it (one ``threading.Lock``), so every request is atomic, as each
single DynamoDB write is on AWS.

Usage::

    python serialized_moto.py [--host 127.0.0.1] [--port 0]

Port 0 picks a free port. With ``--parent-watch`` it also stops when its
stdin reaches end of file (the process that started it has gone). Once the socket accepts connections, exactly one
line ``READY port=<n>`` is printed on stdout (flushed). SIGTERM and SIGINT
stop the server cleanly (exit status 0).
"""

import argparse
import os
import signal
import sys
import threading

from werkzeug.serving import WSGIRequestHandler, make_server


class SerializedApp:
    """WSGI middleware: runs the wrapped app and reads its whole response
    while holding one lock, so no two requests ever touch moto's state at
    the same time (a response body may be produced lazily, so it is read
    inside the lock too)."""

    def __init__(self, app, first_request=None):
        self.app = app
        self.lock = threading.Lock()
        self.first_request = first_request

    def __call__(self, environ, start_response):
        with self.lock:
            if self.first_request is not None:
                # done here rather than before READY: it imports moto's DynamoDB models (~0.2 s)
                self.first_request()
                self.first_request = None
            result = self.app(environ, start_response)
            try:
                body = b"".join(result)
            finally:
                close = getattr(result, "close", None)
                if close is not None:
                    close()
        return [body]


def stop_tracking_items():
    """moto keeps every model instance it ever made (for its dashboard's
    /moto-api/data.json), so each DynamoDB item written would stay in memory
    for the life of the server and bloat data.json. Items and stream records
    are read through the API, never through data.json: don't track them."""

    class NotTracked(list):
        def append(self, item):
            pass

    from moto.dynamodb.models.dynamo_type import Item
    from moto.dynamodb.models.table import StreamRecord

    for cls in (Item, StreamRecord):
        cls.instances_tracked = NotTracked()


def exit_when_parent_goes(stream):
    """With --parent-watch the parent keeps our stdin open; end of file means
    it has gone (even killed with -9), so stop instead of lingering."""

    def watch():
        try:
            while stream.read(1024):
                pass
        except Exception:
            pass
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class QuietHandler(WSGIRequestHandler):
    """No access log line per request; errors still go to stderr."""

    def log_request(self, code="-", size="-"):
        pass


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to bind; 0 picks a free one")
    parser.add_argument(
        "--parent-watch",
        action="store_true",
        help="exit when stdin reaches end of file (the parent process has gone)",
    )
    args = parser.parse_args(argv)

    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

    app = SerializedApp(DomainDispatcherApplication(create_backend_app), first_request=stop_tracking_items)
    server = make_server(args.host, args.port, app, threaded=True, request_handler=QuietHandler)
    port = server.socket.getsockname()[1]
    # moto reads MOTO_PORT for URLs it builds; with port 0 only known now
    os.environ["MOTO_PORT"] = str(port)

    def stop(signum, frame):
        # raised in the main thread, inside serve_forever's loop
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    if args.parent_watch:
        exit_when_parent_goes(sys.stdin.buffer)

    # the socket is bound and listening already: connections queue until served
    sys.stdout.write(f"READY port={port}\n")
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    except SystemExit:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
