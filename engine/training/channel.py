"""The parent's end of a training process's pipe: it never blocks, reading or writing.

Why: the pipe is a socket with ~200 KB of buffer each way. A child sending a big probe blocks
until the parent reads; a parent sending many controls (a dragged slider, views changed) blocks
until the child reads. Both blocked in their sends was a deadlock that froze the window (and the
suite). And ``Connection.recv`` waits for a whole message: a child frozen in the middle of one
froze the window's read too.

So the parent frames messages itself, as ``multiprocessing.connection.Connection`` does (the
child keeps a plain Connection): a 4-byte big-endian length (-1, then 8 bytes, past 2 GB) and the
pickle. ``put`` queues a message and writes what the socket takes now; the rest goes out when
``flush`` is called again (on every read, and when the socket is writable: ``wants_write``). Of
the controls that only set a value (COALESCED), only the latest of those still waiting is kept,
so the queue stays a few messages long however fast they come. ``read`` takes the whole
messages that have arrived and keeps a partial one's bytes for later.

Where the pipe is no socket (Windows), the Connection's own blocking calls are used.
"""
from __future__ import annotations

import os
import select
import struct
import sys
import time
from multiprocessing.reduction import ForkingPickler

COALESCED = ("set_lr", "set_probes")   # only the latest value counts
READ_BYTES = 1 << 20
_RAW = sys.platform != "win32"


class ChannelClosed(Exception):
    """The other end is gone (after the messages that came before)."""


class Channel:
    def __init__(self, conn):
        self.conn = conn
        self.fd = conn.fileno()
        self._waiting: list[tuple] = []      # messages not yet framed
        self._out = bytearray()              # the framed message being written
        self._in = bytearray()               # bytes of messages not yet whole
        self._broken = False
        if _RAW:
            os.set_blocking(self.fd, False)

    # ---- to the child ---------------------------------------------------------------------------
    def put(self, message: tuple) -> None:
        """Send ``message`` as soon as the pipe takes it, without waiting."""
        if message[0] in COALESCED:          # in the place of a waiting one of its kind
            for i, waiting in enumerate(self._waiting):
                if waiting[0] == message[0]:
                    self._waiting[i] = message
                    return
        self._waiting.append(message)
        self.flush()

    def flush(self) -> None:
        """Write what the pipe takes now of the messages waiting."""
        if not _RAW:
            self._flush_blocking()
            return
        while not self._broken and (self._out or self._waiting):
            if not self._out:
                self._out = frame(self._waiting.pop(0))
            try:
                written = os.write(self.fd, self._out)
            except BlockingIOError:
                return
            except OSError:                  # the child is gone: read() says so
                self._broken = True
                self._out.clear()
                self._waiting.clear()
                return
            del self._out[:written]

    def _flush_blocking(self) -> None:
        for message in self._waiting:
            try:
                self.conn.send(message)
            except OSError:
                break
        self._waiting.clear()

    @property
    def wants_write(self) -> bool:
        """Messages wait for room in the pipe (watch it for writability, then ``flush``)."""
        return bool(self._out or self._waiting) and not self._broken

    # ---- from the child -------------------------------------------------------------------------
    def read(self) -> list:
        """Every whole message that has arrived, without waiting. ChannelClosed (raised after
        the messages before it were returned) once the child is gone."""
        self.flush()
        if not _RAW:
            return self._read_blocking()
        closed = False
        while True:
            try:
                data = os.read(self.fd, READ_BYTES)
            except BlockingIOError:
                break
            except OSError:
                closed = True
                break
            if not data:
                closed = True
                break
            self._in += data
        messages = self._whole_messages()
        if closed and not messages:
            raise ChannelClosed()
        return messages

    def _whole_messages(self) -> list:
        out, buf = [], self._in
        while len(buf) >= 4:
            size, = struct.unpack_from("!i", buf)
            head = 4
            if size == -1:
                if len(buf) < 12:
                    break
                size, = struct.unpack_from("!Q", buf, 4)
                head = 12
            if len(buf) < head + size:
                break
            out.append(ForkingPickler.loads(bytes(buf[head:head + size])))
            del buf[:head + size]
        return out

    def _read_blocking(self) -> list:
        out = []
        while True:
            try:
                if not self.conn.poll():
                    return out
                out.append(self.conn.recv())
            except (EOFError, OSError):
                if out:
                    return out
                raise ChannelClosed() from None

    def wait(self, timeout: float | None) -> bool:
        """Wait until something can be read (True) or ``timeout`` seconds (False), writing
        what waits to be sent meanwhile. For headless use and tests; the window watches the
        pipe with its event loop instead."""
        if not _RAW:
            self.flush()
            return self.conn.poll(timeout)
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            writing = [self.fd] if self.wants_write else []
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            readable, writable, _ = select.select([self.fd], writing, [], left)
            if readable:
                return True
            if not writable:
                return False
            self.flush()

    def close(self) -> None:
        self.conn.close()


def frame(message) -> bytearray:
    """``message`` as Connection.send writes it (Connection.recv reads it in the child)."""
    payload = ForkingPickler.dumps(message)
    size = len(payload)
    head = (struct.pack("!i", size) if size <= 0x7fffffff
            else struct.pack("!i", -1) + struct.pack("!Q", size))
    return bytearray(head) + payload
