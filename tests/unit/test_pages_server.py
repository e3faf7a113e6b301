"""scripts/pages_server.py: a browser that closes a page mid-response is not an error to report."""

import os
import socket
import struct
import sys
import urllib.request

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import pages_server  # noqa: E402


def test_a_client_that_goes_away_leaves_no_traceback(tmp_path, capfd):
    (tmp_path / "big.txt").write_bytes(os.urandom(8 << 20))  # more than any socket buffer holds
    (tmp_path / "index.html").write_text("<p>ok</p>")
    server, base = pages_server.start(tmp_path)
    host, port = server.server_address
    client = socket.create_connection((host, port))
    client.sendall(b"GET /handbook/big.txt HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
    client.recv(1)
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.close()  # reset: the server's write fails
    with urllib.request.urlopen(base) as response:  # and it still serves
        assert response.status == 200
    server.shutdown()
    server.server_close()  # waits for the request threads
    assert "Traceback" not in capfd.readouterr().err
