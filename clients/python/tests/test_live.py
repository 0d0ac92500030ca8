"""The client against a running Store API (tests/clients/run.sh starts one on PGlite).
STORE_API_URL, STORE_TENANT_ID (default demo), STORE_EMAIL and STORE_PASSWORD name it; without
STORE_API_URL these tests are skipped."""
import http.server
import json
import os
import threading
import unittest
import urllib.request
import uuid

from brainsait_store import (
    AuthenticationError,
    BrainSAITStore,
    NotFoundError,
    ValidationError,
    WebhookVerificationError,
    sign_token,
    verify_webhook,
)

URL = os.environ.get("STORE_API_URL")
TENANT = os.environ.get("STORE_TENANT_ID", "demo")
EMAIL = os.environ.get("STORE_EMAIL", "owner@demo.test")
PASSWORD = os.environ.get("STORE_PASSWORD", "brainsait-demo")


class _Server:
    """A local HTTP server in a thread; ``handle(request)`` returns (status, headers, body)."""

    def __init__(self, handle):
        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self):
                length = int(self.headers.get("content-length") or 0)
                self.raw = self.rfile.read(length) if length else b""
                status, headers, body = handle(self)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _any

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@unittest.skipUnless(URL, "STORE_API_URL is not set: no server to test against")
class LiveTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        owner = BrainSAITStore(tenant_id=TENANT, base_url=URL).login(EMAIL, PASSWORD)
        cls.owner = owner
        key = owner.api_keys.create(
            f"python client tests {uuid.uuid4().hex[:6]}",
            ["products:write", "orders:write", "payments:write", "analytics:read"],
        )
        cls.store = BrainSAITStore(api_key=key["key"], tenant_id=TENANT, base_url=URL)

    def active_product(self, **overrides):
        product = {
            "name": {"en": "Arabic Coffee", "ar": "قهوة عربية"},
            "description": {"en": "Light roast", "ar": "تحميص خفيف مع الهيل"},
            "price": 45.5,
            "currency": "SAR",
            "category": "coffee",
            "tags": ["قهوة", "coffee"],
            "status": "active",
            "inventory": 10,
        }
        product.update(overrides)
        return self.store.products.create(product)

    def test_login_and_me(self):
        me = self.owner.auth.me()
        self.assertEqual(me["user"]["email"], EMAIL)
        self.assertTrue(self.owner.refresh_token)

    def test_guide_examples(self):
        product = self.store.products.create(
            {
                "name": {"en": "AI Tool", "ar": "أداة الذكاء الاصطناعي"},
                "price": 199.99,
                "currency": "SAR",
                "category": "ai-tools",
            }
        )
        self.assertEqual(product["name"]["ar"], "أداة الذكاء الاصطناعي")
        self.assertEqual(product["price"], 199.99)
        orders = self.store.orders.list(status="completed", limit=50)
        self.assertEqual(orders["pagination"]["limit"], 50)
        products = self.store.products.list(page=1, limit=20, category="ai-tools")
        self.assertIn(product["id"], [p["id"] for p in products["data"]])

    def test_arabic_round_trips_and_pages(self):
        created = self.active_product(sku=f"COF-{uuid.uuid4().hex[:8]}")
        again = self.store.products.get(created["id"])
        self.assertEqual(again["name"]["ar"], "قهوة عربية")
        self.assertEqual(again["description"]["ar"], "تحميص خفيف مع الهيل")
        self.assertEqual(again["tags"], ["قهوة", "coffee"])
        found = self.store.products.list(q="قهوه")["data"]  # ة and ه match
        self.assertIn(created["id"], [p["id"] for p in found])
        for _ in range(2):
            self.active_product(category="paged")
        seen = [p["id"] for p in self.store.products.iterate(category="paged", limit=1)]
        self.assertGreaterEqual(len(seen), 2)
        self.assertEqual(len(seen), len(set(seen)))

    def test_order(self):
        product = self.active_product()
        order = self.store.orders.create(
            {
                "items": [{"product_id": product["id"], "quantity": 2}],
                "customer_email": "customer@example.com",
                "customer_name": "نورة القحطاني",
            }
        )
        self.assertTrue(order["number"].startswith("BS-"))
        self.assertEqual(order["status"], "pending")
        self.assertEqual(order["total"], 91.0)
        fetched = self.store.orders.get(order["id"])
        self.assertEqual(fetched["customer_name"], "نورة القحطاني")
        self.assertEqual(fetched["items"][0]["name"]["ar"], "قهوة عربية")
        mirrored = {"external_id": f"woo-{uuid.uuid4().hex[:8]}", "source": "woocommerce",
                    "items": [{"name": "Mug", "quantity": 1, "price": 20}]}
        first = self.store.orders.create(mirrored)
        self.assertEqual(self.store.orders.create(mirrored)["id"], first["id"])

    def test_analytics_overview(self):
        # The guide's call, and the default range (the last 30 days, today included).
        january = self.store.analytics.get_overview(start_date="2024-01-01", end_date="2024-01-31")
        self.assertEqual(january["start_date"], "2024-01-01")
        self.assertEqual(len(january["revenue_trend"]), 31)
        self.assertEqual(january["currency"], "SAR")
        recent = self.store.analytics.get_overview()
        self.assertEqual(len(recent["revenue_trend"]), 30)
        # The demo's orders of the last fortnight are in it.
        self.assertGreater(recent["summary"]["total_orders"], 0)
        with self.assertRaises(ValidationError):
            self.store.analytics.get_overview(start_date="2024-02-01", end_date="2024-01-01")

    def test_422_is_a_validation_error(self):
        with self.assertRaises(ValidationError) as caught:
            self.store.products.create({"name": {"en": "Bad"}, "price": -1})
        err = caught.exception
        self.assertEqual(
            (err.status, err.type, err.code), (422, "validation_error", "VALIDATION_ERROR")
        )
        self.assertIn("price", [e["field"] for e in err.errors])
        self.assertTrue(err.request_id)

    def test_404_is_a_not_found_error(self):
        with self.assertRaises(NotFoundError) as caught:
            self.store.products.get(str(uuid.uuid4()))
        err = caught.exception
        self.assertEqual(
            (err.status, err.type, err.code), (404, "not_found_error", "PRODUCT_NOT_FOUND")
        )
        self.assertTrue(err.detail)

    def test_429_is_retried_with_the_same_idempotency_key(self):
        seen = []

        def handle(req):
            seen.append(req.headers.get("Idempotency-Key"))
            if len(seen) == 1:
                body = json.dumps({"detail": "Too many requests", "type": "rate_limit_error",
                                   "code": "RATE_LIMIT_EXCEEDED"}).encode()
                return 429, {"Retry-After": "1", "Content-Type": "application/json"}, body
            forward = urllib.request.Request(URL + req.path, data=req.raw or None,
                                             method=req.command, headers=dict(req.headers))
            with urllib.request.urlopen(forward) as reply:
                return reply.status, {"Content-Type": reply.headers["content-type"]}, reply.read()

        proxy = _Server(handle)
        waits = []
        try:
            client = BrainSAITStore(
                api_key=self.store._http.api_key, tenant_id=TENANT, base_url=proxy.url,
                sleep=waits.append,
            )
            product = client.products.create({"name": {"en": "Retried", "ar": "أعيدت"}, "price": 1})
        finally:
            proxy.close()
        self.assertEqual(waits, [1.0])
        self.assertEqual(len(seen), 2)
        self.assertEqual(seen[0], seen[1])
        self.assertEqual(self.store.products.get(product["id"])["name"]["ar"], "أعيدت")

    def test_webhook_verified_with_both_schemes(self):
        received = []

        def handle(req):
            received.append((req.raw, dict(req.headers)))
            return 200, {}, b"ok"

        receiver = _Server(handle)
        try:
            endpoint = self.owner.webhooks.create(receiver.url + "/hook", ["*"], "تجربة")
            self.owner.webhooks.send_test(endpoint["id"])
        finally:
            receiver.close()
            self.owner.webhooks.delete(endpoint["id"])
        secret = endpoint["secret"]
        tests = [r for r in received if b'"event":"webhook.test"' in r[0]]
        self.assertEqual(len(tests), 1)
        raw, headers = tests[0]
        event = verify_webhook(raw, headers, secret)
        self.assertEqual(event["event"], "webhook.test")
        self.assertEqual(event["tenant_id"], TENANT)
        legacy_only = {k: v for k, v in headers.items() if not k.lower().startswith("webhook-")}
        self.assertEqual(verify_webhook(raw, legacy_only, secret)["id"], event["id"])
        with self.assertRaises(WebhookVerificationError):
            verify_webhook(raw + b" ", headers, secret)

    def test_calls_as_an_app_with_an_account_token_and_a_staff_token(self):
        receiver = _Server(lambda req: (200, {}, b"ok"))  # the apps' install callback URL
        suffix = uuid.uuid4().hex[:8]
        developer = self.owner.developers.register(f"py-{suffix}", "Python tests", "dev@py.test")
        ref, secret = developer["developer_ref"], developer["developer_secret"]

        def app(kind):
            return self.owner.developers.create_app(
                ref,
                {
                    "app_ref": f"py-{kind}-{suffix}",
                    "name": {"en": "Labels", "ar": "ملصقات"},
                    "install_callback_url": receiver.url + "/installed",
                    "scopes": ["products:read"],
                    "kind": kind,
                },
            )["app_ref"]

        system, staff = app("system"), app("staff")
        try:
            self.owner.apps.install(system)
            [account] = self.owner.developers.installed_accounts(ref, system)
            as_app = BrainSAITStore(
                tenant_id=TENANT,
                base_url=URL,
                app={
                    "developer_ref": ref,
                    "app_ref": system,
                    "account_token": sign_token(secret, account["account_token"]),
                },
            )
            self.assertIn("data", as_app.products.list(limit=1))
            developer_api = BrainSAITStore(tenant_id="", base_url=URL)
            listed = developer_api.developers.installed_accounts_as_developer(
                system,
                developer_ref=ref,
                developer_token=sign_token(secret, developer["developer_token"]),
            )
            self.assertEqual([a["account_code"] for a in listed], [TENANT])

            self.owner.apps.install(staff)
            me = self.owner.auth.me()
            self.owner.apps.authorise_staff(staff, me["user"]["id"])
            token = BrainSAITStore(tenant_id=TENANT, base_url=URL).apps.staff_token(
                developer_ref=ref, app_ref=staff, email_address=EMAIL, password=PASSWORD
            )
            credential = {"developer_ref": ref, "app_ref": staff, "staff_token": token}
            as_staff = BrainSAITStore(tenant_id=TENANT, base_url=URL, app=credential)
            self.assertIn("data", as_staff.products.list(limit=1))
            self.owner.apps.revoke_staff(staff, me["user"]["id"])
            with self.assertRaises(AuthenticationError):
                as_staff.products.list(limit=1)
        finally:
            for app_ref in (system, staff):
                if self.owner.apps.get(app_ref).get("install"):
                    self.owner.apps.uninstall(app_ref)
            receiver.close()


if __name__ == "__main__":
    unittest.main()
