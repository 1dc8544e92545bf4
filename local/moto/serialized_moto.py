"""moto_server with every request serialized.

moto's own server (``moto_server``) handles requests on many threads at once,
and moto's backends are not thread safe: two racing conditional writes
(``attribute_not_exists``) can both succeed, which real DynamoDB never allows.
This wrapper serves the same moto application but lets only one request at a
time into it (one ``threading.Lock``), so every request is atomic, as each
single DynamoDB write is on AWS.

Usage::

    python serialized_moto.py [--host 127.0.0.1] [--port 0] [--keep-sent-mail N]

Port 0 picks a free port. With ``--parent-watch`` it also stops when its
stdin reaches end of file (the process that started it has gone). Once the socket accepts connections, exactly one
line ``READY port=<n>`` is printed on stdout (flushed). SIGTERM and SIGINT
stop the server cleanly (exit status 0).

Besides moto's own API it answers ``GET /_spil/sent-mail?after=<seq>``: the
e-mails SES accepted after sequence number ``seq`` (JSON), so a reader fetches
only what is new instead of moto's whole ``/moto-api/data.json``. With
``--keep-sent-mail N`` SES keeps only the newest N messages.
"""

import argparse
import json
import os
import signal
import sys
import threading
from datetime import datetime, timezone
from urllib.parse import parse_qs

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
            if environ.get("PATH_INFO") == "/_spil/sent-mail":
                return sent_mail(environ, start_response)
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
    from moto.dynamodb.models.table import StreamRecord, Table
    from moto.dynamodbstreams.models import ShardIterator
    from moto.ses.models import Message, RawMessage

    # Table: every TransactWriteItems deep-copies the tables it touches, and each copy (with all
    # its items) was tracked for good: the local AWS grew to gigabytes. Sent mail is read through
    # /_spil/sent-mail, and kept only as long as SES keeps it.
    for cls in (Item, StreamRecord, Table, ShardIterator, Message, RawMessage):
        cls.instances_tracked = NotTracked()


class SentMail(list):
    """SES's list of sent messages, numbered (``seq`` from 1, in the order SES
    accepted them, with the time it did) and, with a limit, holding only the
    newest ``keep`` of them: moto keeps every message for the life of the
    server otherwise."""

    keep = 0
    dropped = 0

    def append(self, message):
        message.spil_seq = SentMail.dropped + len(self) + 1
        message.spil_sent_at = datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
        super().append(message)
        if self.keep and len(self) > self.keep:
            del self[0]
            SentMail.dropped += 1


def bound_sent_mail(keep):
    """Every SES backend (v1 and v2 share it) keeps its messages in a SentMail."""
    from moto.ses.models import SESBackend

    SentMail.keep = keep
    original = SESBackend.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.sent_messages = SentMail()

    SESBackend.__init__ = init


def sent_mail(environ, start_response):
    """GET /_spil/sent-mail?after=<seq>: the messages with a greater seq, oldest first."""
    from moto.ses.models import ses_backends

    try:
        after = int(parse_qs(environ.get("QUERY_STRING", "")).get("after", ["0"])[0])
    except ValueError:
        after = 0
    out = []
    for account in list(ses_backends.keys()):
        for region in list(ses_backends[account].keys()):
            for m in ses_backends[account][region].sent_messages:
                seq = getattr(m, "spil_seq", 0)
                if seq > after:
                    out.append({
                        "seq": seq,
                        "sentAt": getattr(m, "spil_sent_at", None),
                        "id": m.id,
                        "source": m.source,
                        "destinations": m.destinations,
                        "subject": getattr(m, "subject", None),
                        "body": getattr(m, "body", None),
                        "raw": getattr(m, "raw_data", None),
                    })
    out.sort(key=lambda m: m["seq"])
    body = json.dumps({"messages": out}).encode("utf-8")
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


def keep_streams_through_rollbacks():
    """moto backs up every table a TransactWriteItems touches (copy.deepcopy)
    and, when the transaction is cancelled, puts the copies in place of the
    tables. The copy had its own copy of the table's stream shard, so a reader
    of the stream (the local cloud's event source mapping) went on reading the
    discarded shard and saw no record again; and the discarded shard had the
    records of the cancelled transaction's writes, which DynamoDB never shows.
    Here the backup shares the live shard, and a cancelled transaction's
    records are taken off it again."""
    from moto.dynamodb.models import DynamoDBBackend
    from moto.dynamodb.models.table import StreamShard

    StreamShard.__deepcopy__ = lambda self, memo: self
    original = DynamoDBBackend.transact_write_items

    def transact_write_items(self, transact_items):
        before = {
            name: (table, len(table.stream_shard.items))
            for name, table in self.tables.items()
            if table.stream_shard is not None
        }
        try:
            return original(self, transact_items)
        finally:
            for name, (table, count) in before.items():
                restored = self.tables.get(name)
                if restored is not None and restored is not table:  # rolled back to the backup
                    del restored.stream_shard.items[count:]
                    restored.stream_shard.table = restored

    DynamoDBBackend.transact_write_items = transact_write_items


def bound_shard_iterators(keep=1000):
    """Every GetRecords makes a new shard iterator, and moto keeps each one for
    the life of the server (four a second per stream the local cloud polls):
    keep the newest ``keep``."""
    from moto.dynamodbstreams.models import DynamoDBStreamsBackend

    original = DynamoDBStreamsBackend.get_records

    def get_records(self, iterator_arn, limit):
        result = original(self, iterator_arn, limit)
        while len(self.shard_iterators) > keep:
            self.shard_iterators.pop(next(iter(self.shard_iterators)))
        return result

    DynamoDBStreamsBackend.get_records = get_records


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
    """No access log line per request; errors still go to stderr. TCP_NODELAY:
    the handler writes a response's headers and its body separately, and with
    Nagle's algorithm the body can wait for the client's delayed ACK (40 ms)."""

    disable_nagle_algorithm = True

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
    parser.add_argument(
        "--keep-sent-mail",
        type=int,
        default=0,
        help="keep only the newest N e-mails SES accepted (default 0: all)",
    )
    args = parser.parse_args(argv)

    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

    def first_request():
        bound_sent_mail(args.keep_sent_mail)
        stop_tracking_items()
        keep_streams_through_rollbacks()
        bound_shard_iterators()

    app = SerializedApp(DomainDispatcherApplication(create_backend_app), first_request=first_request)
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
