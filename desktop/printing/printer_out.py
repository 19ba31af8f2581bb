r"""Sending raw bytes (ESC/POS) to a receipt printer, never waiting forever.

A target is one of:
  * a network printer: "host:port", "tcp://host[:port]", "[::1]:9100" or a
    bare IPv4 address; raw TCP, port 9100 when none is given;
  * a device or a file: "/dev/usb/lp0", "/dev/ttyUSB0", \\shop-pc\POS58 (a
    Windows printer share), "COM3", "receipt.bin". A regular file is
    replaced by the payload; a device takes it as it comes.

Every failure is a db.errors.BooksError naming the target. The whole send
is bounded by `timeout` seconds: connecting, name look-up and writing.
No Qt here.
"""
from __future__ import annotations

import errno
import os
import re
import select
import socket
import stat
import threading
import time
from dataclasses import dataclass
from typing import Callable, TypeVar

from db.errors import BooksError

DEFAULT_PORT = 9100
T = TypeVar("T")

_HOST_PORT = re.compile(r"^(?:tcp://)?(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)"
                        r"(?::(?P<port>\d{1,5}))?/?$")
_IPV4 = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")


@dataclass(frozen=True)
class Network:
    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


def parse_target(target: str) -> Network | str:
    """A network printer (Network) or a device/file path (str). Raises
    BooksError when the target is empty or names an impossible port."""
    text = (target or "").strip()
    if not text:
        raise BooksError("no receipt printer is set: give its device, file or "
                         "network address (host:port) in Settings")
    explicit = text.lower().startswith("tcp://")
    match = _HOST_PORT.match(text)
    if match and (explicit or match.group("port") is not None or _IPV4.match(text)):
        host = match.group("host").strip("[]")
        port = int(match.group("port") or DEFAULT_PORT)
        if not 0 < port < 65536:
            raise BooksError(f"the receipt printer {text}: {port} is not a port number")
        return Network(host, port)
    if explicit:
        raise BooksError(f"the receipt printer {text} is not a network address (host:port)")
    return os.path.expanduser(text)


def describe(target: str) -> str:
    """The target as messages name it."""
    try:
        parsed = parse_target(target)
    except BooksError:
        return (target or "").strip()
    return str(parsed) if isinstance(parsed, Network) else parsed


def send(target: str, payload: bytes, timeout: float = 5.0) -> None:
    """Send payload to the printer target; returns once it has taken all of it.
    Raises BooksError (naming the target) when it cannot, within about timeout s."""
    parsed = parse_target(target)
    timeout = max(float(timeout), 0.1)
    if isinstance(parsed, Network):
        _send_tcp(parsed, bytes(payload), timeout)
    else:
        _send_path(parsed, bytes(payload), timeout)


# ---------------------------------------------------------------- network

def _send_tcp(where: Network, payload: bytes, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    name = f"the receipt printer {where}"

    def resolve():
        try:
            return socket.getaddrinfo(where.host, where.port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise BooksError(f"{name} cannot be reached: the name {where.host} is "
                             f"unknown ({_reason(exc)})") from None

    addresses = _bounded(resolve, timeout,
                         f"{name}: its name was not found within {timeout:g} s")
    last: OSError | None = None
    for family, kind, proto, _canon, address in addresses:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(left)
            sock.connect(address)
        except OSError as exc:
            sock.close()
            last = exc
            continue
        try:
            _send_all(sock, payload, deadline, name)
        finally:
            sock.close()
        return
    if isinstance(last, TimeoutError) or last is None:
        raise BooksError(f"{name} did not answer within {timeout:g} s")
    raise BooksError(f"{name} cannot be reached: {_reason(last)}")


def _send_all(sock: socket.socket, payload: bytes, deadline: float, name: str) -> None:
    sent = 0
    try:
        while sent < len(payload):
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            sock.settimeout(left)
            sent += sock.send(payload[sent:])
        # Say we are done and read what the printer may answer (status bytes)
        # until it closes: closing with unread data would reset the connection
        # and could lose the end of the receipt.
        sock.shutdown(socket.SHUT_WR)
        sock.settimeout(max(min(deadline - time.monotonic(), 1.0), 0.05))
        while sock.recv(1024):
            pass
    except TimeoutError:
        if sent < len(payload):
            raise BooksError(f"{name} took {sent} of {len(payload)} bytes and then "
                             "stopped (is it out of paper or offline?)") from None
        # all sent; the printer keeps the connection open: fine
    except OSError as exc:
        if sent < len(payload):
            raise BooksError(f"{name} broke off after {sent} of {len(payload)} bytes: "
                             f"{_reason(exc)}") from None


# ---------------------------------------------------------------- device or file

def _send_path(path: str, payload: bytes, timeout: float) -> None:
    name = f"the receipt printer {path}"
    if os.path.isdir(path):
        raise BooksError(f"{name} is a folder, not a device or a file")
    if os.name == "nt":          # no non-blocking device writes: a thread with a deadline
        _bounded(lambda: _write_file(path, payload, name), timeout,
                 f"{name} did not take the receipt within {timeout:g} s "
                 "(is it switched on and online?)")
        return
    _write_posix(path, payload, timeout, name)


def _write_file(path: str, payload: bytes, name: str) -> None:
    try:
        with open(path, "wb") as f:
            f.write(payload)
            f.flush()
    except OSError as exc:
        raise BooksError(f"{name} cannot be written: {_reason(exc)}") from None


def _write_posix(path: str, payload: bytes, timeout: float, name: str) -> None:
    deadline = time.monotonic() + timeout
    try:
        existing = os.stat(path)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise BooksError(f"{name} cannot be opened: {_reason(exc)}") from None
    regular = existing is None or stat.S_ISREG(existing.st_mode)
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= (os.O_CREAT | os.O_TRUNC) if regular else os.O_NONBLOCK
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise BooksError(f"{name} is not there (nothing is reading it: "
                             "is the printer switched on and connected?)") from None
        raise BooksError(f"{name} cannot be opened: {_reason(exc)}") from None
    sent = 0
    try:
        while sent < len(payload):
            left = deadline - time.monotonic()
            if left <= 0:
                raise BooksError(f"{name} took {sent} of {len(payload)} bytes in "
                                 f"{timeout:g} s and then stopped (is it out of paper "
                                 "or offline?)")
            if not regular:
                _r, ready, _x = select.select([], [fd], [], left)
                if not ready:
                    continue
            try:
                sent += os.write(fd, payload[sent:])
            except BlockingIOError:
                time.sleep(0.01)     # a device that said ready and was not
            except InterruptedError:
                continue
            except OSError as exc:
                raise BooksError(f"{name} cannot be written: {_reason(exc)}") from None
    finally:
        os.close(fd)


# ---------------------------------------------------------------- helpers

def _bounded(fn: Callable[[], T], timeout: float, message: str) -> T:
    """fn() on a daemon thread, given up after timeout s with BooksError(message)
    (the thread is left to end on its own). Exceptions of fn are raised here."""
    result: list = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(fn())
        except BaseException as exc:  # handed to the caller
            failure.append(exc)

    worker = threading.Thread(target=run, name="printer-out", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise BooksError(message)
    if failure:
        raise failure[0]
    return result[0]


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
