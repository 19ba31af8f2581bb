"""TLS to PostgreSQL with the server's certificate verified (sslmode=verify-full),
issue 10. The shared server of the test machine has no TLS, so this test starts
a private PostgreSQL of its own on a free port, with a certificate from a CA made
here for the name "localhost" only:

  * with that CA, the app connects over TLS and posts a sale;
  * with another CA, or to an address the certificate does not name, it refuses
    to connect, in one line that says why;
  * the shop's shared server without TLS is refused rather than used in clear.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from db import migrate, users
from db.books import Books
from db.documents import LineIn
from db.engine import make_engine
from db.masters import NewProduct
from desktop.config import DatabaseChoice, probe_connection
from tests.conftest import PG_ENV, _in_ci

PG_BIN = Path("/usr/lib/postgresql")


def _pg_bin() -> Path | None:
    for candidate in sorted(PG_BIN.glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    return None


def _need(ok: bool, why: str) -> None:
    if not ok:
        if _in_ci() or os.environ.get(PG_ENV):
            pytest.fail(why)
        pytest.skip(why)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def _make_ca(folder: Path, name: str) -> None:
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", f"/CN={name}", "-keyout", f"{name}.key", "-out", f"{name}.crt", cwd=folder)


@pytest.fixture(scope="module")
def tls_server():
    """(port, ca file, other ca file) of a private PostgreSQL speaking TLS."""
    bin_dir = _pg_bin()
    _need(bin_dir is not None, "PostgreSQL's server programs (initdb) are not installed")
    _need(shutil.which("openssl") is not None, "openssl is not installed")
    # not under pytest's own folder, which only root may enter
    root = Path(tempfile.mkdtemp(prefix="storekeeper-tls-"))
    certs = root / "certs"
    certs.mkdir()
    _make_ca(certs, "shop-ca")
    _make_ca(certs, "other-ca")
    (certs / "san.ext").write_text("subjectAltName=DNS:localhost\n")
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
             "-keyout", "server.key", "-out", "server.csr", cwd=certs)
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "shop-ca.crt", "-CAkey", "shop-ca.key",
             "-CAcreateserial", "-days", "2", "-extfile", "san.ext", "-out", "server.crt",
             cwd=certs)
    data = root / "data"
    as_root = os.geteuid() == 0
    run_as = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:                            # PostgreSQL will not run as root
        shutil.chown(root, "postgres")
        for p in (certs / "server.key", certs / "server.crt"):
            shutil.chown(p, "postgres")
        os.chmod(root, 0o755)
        os.chmod(certs, 0o755)
    os.chmod(certs / "server.key", 0o600)
    made = subprocess.run([*run_as, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust",
                           "-U", "postgres", "--no-sync"], capture_output=True, text=True)
    _need(made.returncode == 0, f"initdb failed: {made.stderr.strip()[-400:]}")
    port = _free_port()
    log = root / "server.log"
    server = subprocess.Popen(
        [*run_as, str(bin_dir / "postgres"), "-D", str(data), "-p", str(port),
         "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={root}",
         "-c", "ssl=on", "-c", f"ssl_cert_file={certs / 'server.crt'}",
         "-c", f"ssl_key_file={certs / 'server.key'}", "-c", "fsync=off"],
        stdout=subprocess.DEVNULL, stderr=open(log, "w"))
    try:
        deadline = time.monotonic() + 30
        while subprocess.run([str(bin_dir / "pg_isready"), "-h", "127.0.0.1", "-p", str(port)],
                             capture_output=True).returncode != 0:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the private PostgreSQL did not start: {log.read_text()[-800:]}")
            time.sleep(0.2)
        yield port, certs / "shop-ca.crt", certs / "other-ca.crt"
    finally:
        server.terminate()
        server.wait(30)
        shutil.rmtree(root, ignore_errors=True)


def _choice(port: int, ca: Path, host: str = "localhost") -> DatabaseChoice:
    return DatabaseChoice("postgresql", host=host, port=port, database="postgres",
                          user="postgres", tls=True, ca_file=str(ca))


def test_verified_tls_connects_and_the_shop_posts_over_it(tls_server):
    port, ca, _other = tls_server
    url = _choice(port, ca).url()
    assert "sslmode=verify-full" in url
    probe = probe_connection(url)
    assert probe.ok, probe.error
    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        with engine.begin() as conn:
            assert conn.execute(text("SELECT ssl FROM pg_stat_ssl "
                                     "WHERE pid = pg_backend_pid()")).scalar() is True
            owner = users.add_user(conn, users.SYSTEM, "wang", "owner", "secret-1")
        books = Books(engine, owner)
        books.add_product(NewProduct(sku="T1", name="茶叶", price="8.00", cost="5.00"))
        books.add_supplier("茶厂")
        books.post_purchase_receipt("茶厂", [LineIn("T1", 5000, 500)])
        posted = books.post_sale([LineIn("T1", 1000)])
        assert posted.number
        assert Books(engine, owner).product_detail("T1").on_hand == 4000
    finally:
        engine.dispose()


def test_a_certificate_from_another_ca_is_refused(tls_server):
    port, _ca, other = tls_server
    probe = probe_connection(_choice(port, other).url())
    assert not probe.ok
    assert "certificate verify failed" in probe.error
    assert "\n" not in probe.error


def test_an_address_the_certificate_does_not_name_is_refused(tls_server):
    port, ca, _other = tls_server
    probe = probe_connection(_choice(port, ca, host="127.0.0.1").url())
    assert not probe.ok
    assert "127.0.0.1" in probe.error and "does not match" in probe.error


def test_a_server_without_tls_is_refused_not_used_in_clear(pg_server):
    admin = make_url(os.environ[PG_ENV])
    choice = DatabaseChoice("postgresql", host=admin.host or "127.0.0.1", port=admin.port or 5432,
                            database=admin.database or "postgres", user=admin.username or "",
                            tls=True)
    probe = probe_connection(choice.url())
    if probe.ok:                            # this server speaks TLS after all
        pytest.skip("the test server has TLS on")
    assert "SSL was required" in probe.error or "certificate" in probe.error


def test_the_choice_keeps_tls_in_the_settings_file():
    choice = DatabaseChoice("postgresql", host="db.shop", port=5432, database="shop",
                            user="wang", tls=True, ca_file="/etc/shop-ca.crt")
    assert choice.to_dict()["tls"] == "verify-full"
    assert DatabaseChoice.from_dict(choice.to_dict()) == choice
    assert DatabaseChoice.from_url(choice.url("pw")) == choice
    plain = DatabaseChoice("postgresql", host="db.shop", database="shop", user="wang")
    assert "sslmode" not in plain.url() and "tls" not in plain.to_dict()
    with pytest.raises(ValueError):
        DatabaseChoice.from_dict({**choice.to_dict(), "tls": "require"})
