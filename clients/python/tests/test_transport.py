"""The transport on its own, against a scripted local server: retries, errors, idempotency."""
import http.server
import json
import socket
import threading
import unittest

from brainsait_store import (
    BrainSAITStore,
    ConflictError,
    ProviderError,
    StoreApiError,
    StoreConnectionError,
)


class Scripted:
    """Answers each request with the next (status, headers, body) and records what came."""

    def __init__(self, replies):
        self.replies = list(replies)
        self.seen = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self):
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                outer.seen.append((self.command, self.path, headers, body))
                status, headers, reply = outer.replies.pop(0)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("content-length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            do_GET = do_POST = _any

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def envelope(status_type, code, detail="x"):
    return json.dumps({"detail": detail, "type": status_type, "code": code}).encode()


JSON = {"Content-Type": "application/json"}


class TransportTest(unittest.TestCase):
    def client(self, server, **options):
        self.waits = []
        return BrainSAITStore(
            api_key="bsk_test",
            tenant_id="acme",
            base_url=server.url,
            sleep=self.waits.append,
            **options,
        )

    def test_headers_query_and_arabic_body(self):
        server = Scripted([(200, JSON, json.dumps({"data": [], "pagination": {}}).encode())])
        try:
            self.client(server).products.list(q="قهوة", page=2, status=None)
        finally:
            server.close()
        method, path, headers, _ = server.seen[0]
        self.assertEqual(method, "GET")
        self.assertEqual(path, "/api/v1/store/products?q=%D9%82%D9%87%D9%88%D8%A9&page=2")
        self.assertEqual(headers["x-tenant-id"], "acme")
        self.assertEqual(headers["authorization"], "Bearer bsk_test")

    def test_5xx_retried_then_raised_with_the_envelope(self):
        busy = envelope("provider_error", "PROVIDER_RATE_LIMITED")
        failure = (503, {**JSON, "Retry-After": "2"}, busy)
        server = Scripted([failure, failure, failure])
        try:
            with self.assertRaises(ProviderError) as caught:
                self.client(server).payments.create_stripe_intent(299.99, "USD")
        finally:
            server.close()
        err = caught.exception
        self.assertEqual((err.status, err.code), (503, "PROVIDER_RATE_LIMITED"))
        self.assertEqual(self.waits, [2.0, 2.0])
        keys = {h["idempotency-key"] for _, _, h, _ in server.seen}
        self.assertEqual(len(keys), 1)
        self.assertEqual(json.loads(server.seen[0][3])["amount"], 29999)

    def test_a_wait_longer_than_allowed_is_not_taken(self):
        limited = envelope("rate_limit_error", "RATE_LIMIT_EXCEEDED")
        server = Scripted([(429, {**JSON, "Retry-After": "3600"}, limited)])
        try:
            with self.assertRaises(StoreApiError) as caught:
                self.client(server).orders.list()
        finally:
            server.close()
        self.assertEqual(caught.exception.code, "RATE_LIMIT_EXCEEDED")
        self.assertEqual(self.waits, [])

    def test_4xx_not_retried_and_a_non_json_reply_kept_as_detail(self):
        server = Scripted(
            [(409, JSON, envelope("conflict_error", "SKU_TAKEN")), (400, {}, b"bad gateway page")]
        )
        try:
            client = self.client(server)
            with self.assertRaises(ConflictError):
                client.products.create({"name": {"en": "x"}, "price": 1, "sku": "A"})
            with self.assertRaises(StoreApiError) as caught:
                client.products.get("x")
        finally:
            server.close()
        self.assertEqual(caught.exception.detail, "bad gateway page")
        self.assertEqual(len(server.seen), 2)

    def test_no_server_is_a_connection_error(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        waits = []
        url = f"http://127.0.0.1:{port}"
        client = BrainSAITStore(tenant_id="acme", base_url=url, sleep=waits.append)
        with self.assertRaises(StoreConnectionError):
            client.auth.me()
        self.assertEqual(len(waits), 2)

    def test_iterate_walks_every_page(self):
        def page(n, ids):
            pagination = {"page": n, "limit": 2, "total": 3, "pages": 2}
            body = {"data": [{"id": i} for i in ids], "pagination": pagination}
            return 200, JSON, json.dumps(body).encode()

        server = Scripted([page(1, ["a", "b"]), page(2, ["c"])])
        try:
            ids = [o["id"] for o in self.client(server).orders.iterate(limit=2, status="paid")]
        finally:
            server.close()
        self.assertEqual(ids, ["a", "b", "c"])
        self.assertIn("page=2", server.seen[1][1])


if __name__ == "__main__":
    unittest.main()
