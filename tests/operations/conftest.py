"""Fixtures for the production-operations tests: a local S3 stand-in."""

import pytest


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 in server mode on 127.0.0.1: real HTTP, signatures and bucket policies."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()
