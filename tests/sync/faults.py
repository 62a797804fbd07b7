"""A small TCP proxy on loopback that misbehaves on purpose, one connection at a time.

Each new connection takes the next fault from the queue (or passes through when it is empty):
a canned reply (500, 503 + Retry-After, 429, 413, 401, 200 with HTML), the answer dropped after
HQ committed, the request cut in the middle of its body, a hang, or a reset half-way through
the reply. Fault connections are closed after one request, so faults land per request.
"""

from __future__ import annotations

import collections
import contextlib
import socket
import struct
import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class Fault:
    kind: str  # canned | drop_answer | cut_request | hang | reset_answer
    status: int = 0
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""


def canned(status: int, body: bytes = b"{}", *headers: tuple[str, str]) -> Fault:
    return Fault("canned", status, headers, body)


HTML_200 = canned(
    200,
    b"<html><body>Please log in to the hotel Wi-Fi</body></html>",
    ("Content-Type", "text/html"),
)


def read_message(sock: socket.socket) -> bytes:
    """One HTTP/1.1 message with a Content-Length body (what httpx and uvicorn send here)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


class FaultProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.faults: collections.deque[Fault] = collections.deque()
        self.seen: list[str] = []
        self._server = socket.socket()
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(64)
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        """Stops accepting and frees the port (a shutdown wakes the thread blocked in accept,
        which a close alone does not: the socket would listen on until the process ends)."""
        self._stop.set()
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)
        self._server.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        """Requests on one connection, in turn; a fault ends the connection."""
        up: socket.socket | None = None
        try:
            while True:
                request = read_message(conn)
                if not request:
                    return
                fault = self.faults.popleft() if self.faults else None
                if fault is None:
                    if up is None:
                        up = socket.create_connection(self.upstream)
                    up.sendall(request)
                    conn.sendall(read_message(up))
                    continue
                self.seen.append(fault.kind if fault.kind != "canned" else str(fault.status))
                self._misbehave(conn, request, fault)
                return
        except OSError:
            pass
        finally:
            conn.close()
            if up is not None:
                up.close()

    def _misbehave(self, conn: socket.socket, request: bytes, fault: Fault) -> None:
        if fault.kind == "canned":
            headers = "".join(f"{k}: {v}\r\n" for k, v in fault.headers)
            if not any(k.lower() == "content-type" for k, _ in fault.headers):
                headers += "Content-Type: application/json\r\n"
            conn.sendall(
                f"HTTP/1.1 {fault.status} X\r\nContent-Length: {len(fault.body)}\r\n"
                f"{headers}Connection: close\r\n\r\n".encode()
                + fault.body
            )
        elif fault.kind == "hang":
            self._stop.wait(30)
        elif fault.kind == "cut_request":
            with socket.create_connection(self.upstream) as up:
                up.sendall(request[: max(1, len(request) // 2)])
        else:
            with socket.create_connection(self.upstream) as up:
                up.sendall(request)
                answer = read_message(up)  # HQ has committed by the time it answers
            if fault.kind == "reset_answer":
                conn.sendall(answer[: len(answer) // 2])
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            # drop_answer: nothing goes back
