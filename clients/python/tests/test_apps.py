"""Third-party apps from the client, with no server: signing against the test vectors, and the
headers and body each kind of call sends."""
import json
import unittest

from brainsait_store import BrainSAITStore, sign_token


class SignTokenTest(unittest.TestCase):
    def test_account_token_vector(self):
        # The Brightpearl model's example, which the Store API's own signing passes too.
        self.assertEqual(
            sign_token(
                "fcVGPrRapgRyT83CJb9kg8wBpgIV7tdKikdKA/7SmvY=",
                "c72a9373-86f5-4138-a41f-c26cd9abfe4e",
            ),
            "xOcgfoSsTBnWVAHr46EIWpA5U+/mpflsts/lF7p2jnc=",
        )

    def test_developer_token_vector(self):
        self.assertEqual(
            sign_token(
                "irhkVURWuLDYZwziDKhCsSGYrczWtfL7Pz5oX2GRDXo=",
                "MlcTe8zimMPgYf/batW+ckJEAj467bbapA0cQBx6WwM=",
            ),
            "llWnSJurpSUUTLNOtVd8Ik/ox6+4OVY/TdLSvE1+VWg=",
        )


class AppCallsTest(unittest.TestCase):
    def client(self, reply=b'{"data": []}', **options):
        """A client whose transport records each request and answers 200 with ``reply``."""
        store = BrainSAITStore(base_url="http://store.invalid", **options)
        self.sent = []

        def once(method, url, headers, body):
            self.sent.append((method, url, headers, body))
            return 200, {"content-type": "application/json"}, reply, None

        store._http._once = once
        return store

    def test_app_headers_instead_of_authorization(self):
        store = self.client(
            tenant_id="demo",
            app={"developer_ref": "sahara", "app_ref": "labels", "account_token": "signed="},
        )
        store.products.list()
        headers = self.sent[0][2]
        self.assertNotIn("Authorization", headers)
        self.assertEqual(headers["X-Tenant-ID"], "demo")
        self.assertEqual(headers["brainsait-dev-ref"], "sahara")
        self.assertEqual(headers["brainsait-app-ref"], "labels")
        self.assertEqual(headers["brainsait-account-token"], "signed=")
        self.assertNotIn("brainsait-staff-token", headers)

    def test_refuses_an_unclear_app_credential(self):
        refs = {"developer_ref": "d", "app_ref": "a"}
        for options in (
            {"app": refs},
            {"app": {**refs, "account_token": "x", "staff_token": "y"}},
            {"app": {"developer_ref": "d", "app_ref": "", "staff_token": "y"}},
            {"app": {**refs, "staff_token": "y"}, "api_key": "bsk_test"},
        ):
            with self.subTest(options=options), self.assertRaises(ValueError):
                BrainSAITStore(tenant_id="demo", base_url="http://store.invalid", **options)

    def test_staff_token_sends_the_camel_case_body_and_no_credential(self):
        store = self.client(b'{"response": "staff-token="}', tenant_id="demo", api_key="bsk_test")
        token = store.apps.staff_token(
            developer_ref="sahara",
            app_ref="labels",
            email_address="katie@example.test",
            password="0p3nSE5AME",
        )
        self.assertEqual(token, "staff-token=")
        method, url, headers, body = self.sent[0]
        self.assertEqual((method, url), ("POST", "http://store.invalid/api/v1/demo/authorise"))
        self.assertNotIn("Authorization", headers)
        self.assertEqual(headers["brainsait-dev-ref"], "sahara")
        self.assertEqual(headers["brainsait-app-ref"], "labels")
        credentials = {"emailAddress": "katie@example.test", "password": "0p3nSE5AME"}
        self.assertEqual(json.loads(body), {"apiAccountCredentials": credentials})

    def test_installed_accounts_as_developer_names_no_store(self):
        account = {"account_code": "demo", "account_token": "t", "installed_at": "x", "scopes": []}
        store = self.client(json.dumps([account]).encode(), tenant_id="", access_token="person")
        accounts = store.developers.installed_accounts_as_developer(
            "labels", developer_ref="sahara", developer_token="signed="
        )
        self.assertEqual(accounts[0]["account_code"], "demo")
        _, url, headers, _ = self.sent[0]
        self.assertTrue(url.endswith("/api/v1/developer/apps/labels/installed-accounts"), url)
        self.assertNotIn("X-Tenant-ID", headers)
        self.assertNotIn("Authorization", headers)
        self.assertEqual(headers["brainsait-dev-ref"], "sahara")
        self.assertEqual(headers["brainsait-dev-token"], "signed=")


if __name__ == "__main__":
    unittest.main()
